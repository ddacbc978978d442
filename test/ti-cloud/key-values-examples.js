/* eslint-disable */
// Every example of Titanium's Modules.Cloud.KeyValues documentation (ti.cloud
// apidoc/KeyValues/KeyValues.yml, "examples"), each body exactly as published and only wrapped in a
// function for the tests to call. They use the globals `Cloud` and `alert`, as app code does.

/** Set a Key-Value */
export function setAKeyValue() {
    Cloud.KeyValues.set({
        name: 'welcome_message',
        value: 'Welcome to Appcelerator Cloud Services'
    }, function (e) {
        if (e.success) {
            alert('Success');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Get a Key-Value */
export function getAKeyValue() {
    Cloud.KeyValues.get({
        name: 'welcome_message'
    }, function (e) {
        if (e.success) {
            var keyvalue = e.keyvalues[0];
            alert('Success:\n' +
                'name: ' + keyvalue.name + '\n' +
                'value: ' + keyvalue.value);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Append a Key-Value */
export function appendAKeyValue() {
    Cloud.KeyValues.append({
        name: 'welcome_message',
        value: ', take a look around'
    }, function (e) {
          if (e.success) {
              var keyvalue = e.keyvalues[0];
              alert('Success:\n' +
                  'name: ' + keyvalue.name + '\n' +
                  'value: ' + keyvalue.value);
          } else {
              alert('Error:\n' +
                  ((e.error && e.message) || JSON.stringify(e)));
          }
    });
}

/** Increment a Key-Value */
export function incrementAKeyValue() {
    Cloud.KeyValues.increment({
        name: 'score',
        value: 1
    }, function (e) {
          if (e.success) {
              var keyvalue = e.keyvalues[0];
              alert('Success:\n' +
                  'name: ' + keyvalue.name + '\n' +
                  'value: ' + keyvalue.value);
          } else {
              alert('Error:\n' +
                  ((e.error && e.message) || JSON.stringify(e)));
          }
    });
}

/** Remove a Key-Value */
export function removeAKeyValue() {
    Cloud.KeyValues.remove({
        name: 'welcome_message'
    }, function (e) {
          if (e.success) {
              alert('Success');
          } else {
              alert('Error:\n' +
                  ((e.error && e.message) || JSON.stringify(e)));
          }
    });
}
