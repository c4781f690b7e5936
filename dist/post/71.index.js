export const id = 71;
export const ids = [71];
export const modules = {

/***/ 71:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AmbiguousRequestError: () => (/* binding */ AmbiguousRequestError),
/* harmony export */   ApiError: () => (/* binding */ ApiError),
/* harmony export */   InputError: () => (/* binding */ InputError),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
/** A bad input: found before any network call, reported as one line that names the input. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input "${input}" ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** An answer from the API that is not what the operation needed. Never carries a response body verbatim. */
class ApiError extends Error {
    status;
    method;
    path;
    constructor(status, method, path, summary) {
        super(`${method} ${path} answered ${status}: ${summary}`);
        this.status = status;
        this.method = method;
        this.path = path;
        this.name = 'ApiError';
    }
    is(status) {
        return this.status === status;
    }
}
/**
 * The request may or may not have reached the server (reset after sending, timeout, unreadable answer).
 * For a create this means a token may exist whose secret we never saw.
 */
class AmbiguousRequestError extends Error {
    method;
    path;
    constructor(method, path, cause) {
        super(`${method} ${path} failed and may have been processed by the server: ${cause}`);
        this.method = method;
        this.path = path;
        this.name = 'AmbiguousRequestError';
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
