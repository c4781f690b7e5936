// The post step as the runner starts it (`node dist/post/index.js`).
import { postStep } from './steps/post-step.js';

await postStep();
