/** Request header the proxy sets to the page's path and query, so a server-side sign-in redirect can return there. */
export const RETURN_PATH_HEADER = 'x-aif-return-path';
