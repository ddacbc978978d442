/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Likes documentation (ti.cloud apidoc/Likes/Likes.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to
// call. Like app code they lean on globals: `Cloud`, `alert`, and one the documentation
// never defines — `someUserId` (the liked user's id) — which the tests install as an app would.

/** Create a Like */
export function createALike() {
    Cloud.Likes.create({
        user_id: someUserId
    }, function (e) {
        if (e.success) {
            alert('Created!');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove a Like */
export function removeALike() {
    Cloud.Likes.remove({
        user_id: someUserId
    }, function (e) {
        if (e.success) {
            alert('Removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
