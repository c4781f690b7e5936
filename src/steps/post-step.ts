import { errorMessage } from '../common/errors.js';
import { runnerInput } from '../runner/runner-input.js';

/** The post step; it never fails the job: a token left behind expires on its own. */
export async function postStep(): Promise<void> {
  // Only create and rotate make tokens; the post step of any other mode has nothing to do, so it loads nothing.
  if (!['', 'create', 'rotate'].includes(runnerInput(process.env)('mode'))) return;
  // "eager": in the bundle's one file, evaluated only here (see main-step.ts).
  const [{ runnerDependencies }, { runPost }] = await Promise.all([
    import(/* webpackMode: "eager" */ './dependencies.js'),
    import(/* webpackMode: "eager" */ './run-post.js'),
  ]);
  const deps = runnerDependencies();
  await runPost(deps).catch((error: unknown) => deps.io.warning(`Token clean-up failed: ${errorMessage(error)}`));
}
