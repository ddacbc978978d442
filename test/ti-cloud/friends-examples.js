/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Friends documentation (ti.cloud apidoc/Friends/Friends.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to call.
// They use the globals `Cloud`, `alert`, `checked` (the ids the app's list has ticked) and
// `searchID` (whose friends to search), as app code does.

/** Add a friend */
export function addAFriend() {
    Cloud.Friends.add({
        user_ids: checked.join(",")
    }, function (e) {
        if (e.success) {
            alert('Friend(s) added');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show friend requests */
export function showFriendRequests() {
    Cloud.Friends.requests(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.friend_requests.length);
            for (var i = 0; i < e.friend_requests.length; i++) {
                var user = e.friend_requests[i].user;
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

/** Approve friend requests */
export function approveFriendRequests() {
    Cloud.Friends.approve({
        user_ids: checked.join(",")
    }, function (e) {
        if (e.success) {
            alert('Friend(s) approved');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove friends */
export function removeFriends() {
    Cloud.Friends.remove({
        user_ids: checked.join(",")
    }, function (e) {
        if (e.success) {
            alert('Friend(s) removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search for friends */
export function searchForFriends() {
    Cloud.Friends.search({
        user_id: searchID
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
