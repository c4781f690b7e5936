export const id = 326;
export const ids = [326];
export const modules = {

/***/ 3326:
/***/ ((module) => {

module.exports = eval("require")("../github/secrets.js");


/***/ })

};
