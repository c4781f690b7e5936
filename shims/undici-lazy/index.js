'use strict';
// undici is evaluated the first time one of its exports is touched (a proxy dispatcher), not at every step start.
let undici;
const load = () => (undici ??= require('undici-eager'));
module.exports = new Proxy(
  {},
  {
    get: (_, name) => (name === '__esModule' ? undefined : load()[name]),
    has: (_, name) => name in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, name) => Object.getOwnPropertyDescriptor(load(), name),
  },
);
