/* eslint-disable */
// The examples of Titanium's Modules.Cloud.Users documentation
// (titanium_mobile apidoc/Modules/Cloud/Users/Users.yml, "Examples"), copied verbatim: each body
// below is the example's text as published, only wrapped in a function so a test can run it.
// They use the globals `Cloud`, `alert` and (Show User) `savedUserInfo`, as app code does.

/** Create User */
export function createUser() {
    Cloud.Users.create({
        email: 'test@mycompany.com',
        first_name: 'test_firstname',
        last_name: 'test_lastname',
        password: 'test_password',
        password_confirmation: 'test_password'
    }, function (e) {
        if (e.success) {
            var user = e.users[0];
            alert('Success:\n' +
                'id: ' + user.id + '\n' +
                'sessionId: ' + Cloud.sessionId + '\n' +
                'first name: ' + user.first_name + '\n' +
                'last name: ' + user.last_name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Log in User */
export function logInUser() {
    Cloud.Users.login({
        login: 'test@mycompany.com',
        password: 'test_password'
    }, function (e) {
        if (e.success) {
            var user = e.users[0];
            alert('Success:\n' +
                'id: ' + user.id + '\n' +
                'sessionId: ' + Cloud.sessionId + '\n' +
                'first name: ' + user.first_name + '\n' +
                'last name: ' + user.last_name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show User */
export function showUser() {
    Cloud.Users.show({
        user_id: savedUserInfo.id
    }, function (e) {
        if (e.success) {
            var user = e.users[0];
            alert('Success:\n' +
                'id: ' + user.id + '\n' +
                'first name: ' + user.first_name + '\n' +
                'last name: ' + user.last_name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Current User */
export function showCurrentUser() {
    Cloud.Users.showMe(function (e) {
        if (e.success) {
            var user = e.users[0];
            alert('Success:\n' +
                'id: ' + user.id + '\n' +
                'first name: ' + user.first_name + '\n' +
                'last name: ' + user.last_name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search for Users */
export function searchForUsers() {
    Cloud.Users.search({
        q: 'test'
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.users.length);
            for (var i = 0; i < e.users.length; i++) {
                var user = e.users[i];
                alert('id: ' + user.id + '\n' +
                    'first name: ' + user.first_name + '\n' +
                    'last name: ' + user.last_name);
             }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query for Users */
export function queryForUsers() {
    Cloud.Users.query({
        page: 1,
        per_page: 10,
        where: {
            age: { '$gt': 28 },
            favorite_color: 'blue',
            first_name: 'joe'
        }
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.users.length);
            for (var i = 0; i < e.users.length; i++) {
                var user = e.users[i];
                alert('id: ' + user.id + '\n' +
                    'first name: ' + user.first_name + '\n' +
                    'last name: ' + user.last_name);
             }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update User */
export function updateUser() {
    Cloud.Users.update({
        email: 'joeuser@mycompany.com',
        first_name: 'joe',
        last_name: 'user',
        custom_fields: {
            favorite_color: 'blue',
            age: 25
        }
    }, function (e) {
        if (e.success) {
            var user = e.users[0];
            alert('Success:\n' +
                'id: ' + user.id + '\n' +
                'first name: ' + user.first_name + '\n' +
                'last name: ' + user.last_name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Logout User */
export function logoutUser() {
    Cloud.Users.logout(function (e) {
        if (e.success) {
            alert('Success: Logged out');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove User */
export function removeUser() {
    Cloud.Users.remove(function (e) {
        if (e.success) {
            alert('Success: Removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Request Reset Password User */
export function requestResetPasswordUser() {
    Cloud.Users.requestResetPassword({
        email: 'joeuser@mycompany.com'
    }, function (e) {
        if (e.success) {
            alert('Success: Reset Request Sent');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

