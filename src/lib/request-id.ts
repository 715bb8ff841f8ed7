/** The header a request's id travels in: back to the visitor, and from the Worker to the tournament object. */
export const REQUEST_ID_HEADER = "X-Request-Id";
