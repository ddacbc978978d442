/* eslint-disable */
// Every example of Titanium's Modules.Cloud.ACLs documentation (ti.cloud apidoc/ACLs/ACLs.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to
// call. Like app code they lean on globals: `Cloud` and `alert`, and three the documentation
// never defines — `readers` and `writers` (objects whose `ids` list user ids) and `userID` — which
// the tests install as an app would define them.
// Check user permissions reads `e.permission['read permission']` and `['write permission']`:
// ArrowDB's acls/check answers `read_permission` and `write_permission`, so on success that
// example alerts "undefined" for both (kept as published; see docs/acls.md).

/** Create an ACL */
export function createAnAcl() {
    Cloud.ACLs.create({
        name: 'testACL',
        reader_ids: readers.ids.join(','),
        writer_ids: writers.ids.join(','),
        public_read: "false",
        public_write: "false"
    }, function (e) {
        if (e.success) {
            alert('Created!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update an ACL */
export function updateAnAcl() {
    Cloud.ACLs.update({
        name: 'testACL',
        reader_ids: '',
        writer_ids: '',
        public_read: "true",
        public_write: "true"
    }, function (e) {
        if (e.success) {
            alert('Updated!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show an ACL */
export function showAnAcl() {
    Cloud.ACLs.show({
        name: 'testACL'
    }, function (e) {
        if (e.success) {
            alert('Shown!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove an ACL */
export function removeAnAcl() {
    Cloud.ACLs.remove({
        name: 'testACL'
    }, function (e) {
        if (e.success) {
            alert('Removed!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Add user to an ACL */
export function addUserToAnAcl() {
    Cloud.ACLs.addUser({
        name: 'testACL',
        reader_ids: readers.ids.join(','),
        writer_ids: writers.ids.join(',')
    }, function (e) {
        if (e.success) {
            alert('Added!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove user from an ACL */
export function removeUserFromAnAcl() {
    Cloud.ACLs.removeUser({
        name: 'testACL',
        reader_ids: readers.ids.join(','),
        writer_ids: writers.ids.join(',')
    }, function (e) {
        if (e.success) {
            alert('Removed!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Check user permissions */
export function checkUserPermissions() {
    Cloud.ACLs.checkUser({
        name: 'testACL',
        user_id: userID
    }, function (e) {
        if (e.success) {
            alert('Read Permission: ' + e.permission['read permission'] +
                  '\nWrite Permission: ' + e.permission['write permission']);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
