// Stands in for the `got` HTTP client inside @doyensec/electronegativity (see electronegativity.ts):
// the tool fetches translations and Electron's release list at every run; here every request fails
// at once, before any connection, and is recorded so the run can say what was refused.
'use strict';

const refused = [];

function refuse(url) {
  refused.push(String(url));
  return Promise.reject(new Error(`offline: electronegativity may not fetch ${String(url)}`));
}

const got = (url) => refuse(url);
for (const method of ['get', 'head', 'post', 'put', 'patch', 'delete', 'stream']) got[method] = (url) => refuse(url);
got.extend = () => got;
got.refused = refused;

module.exports = got;
module.exports.default = got;
