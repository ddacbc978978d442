// What `require('ti.cloud')` gives the app code under test: the Cloud of test/titanium.setup.js.
module.exports = globalThis.Cloud
