// floor-create.mjs with @actions/core loaded first and an input read through it, bundled with ncc like the action:
// the least a main step of any action built on the toolkit does.
import * as core from '@actions/core';
import './floor-create.mjs';

core.getInput('api-token');
