// The post step as the runner starts it (`node dist/post/index.js`).
import { run } from './post.js';

await run();
