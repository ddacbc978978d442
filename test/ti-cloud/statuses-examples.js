/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Statuses documentation (ti.cloud apidoc/Statuses/Statuses.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to
// call. Like app code they lean on globals: `Cloud`, `alert`, and three the
// documentation never defines — `myPlaceId` (a place's id), `someUserId` (a user's id) and
// `Titanium` (for `Titanium.Filesystem.getFile`) — which the tests install as an app would.

/** Create a Status */
export function createAStatus() {
    Cloud.Statuses.create({
        place_id: myPlaceId,
        message: 'What a great view!',
        photo: Titanium.Filesystem.getFile('photo.jpg')
    }, function (e) {
        if (e.success) {
            var status = e.statuses[0];
            alert('Success:\n' +
                'id: ' + status.id + '\n' +
                'place: ' + status.place.name);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search Status */
export function searchStatus() {
    Cloud.Statuses.search({
        user_id: someUserId
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.statuses.length);
            for (var i = 0; i < e.statuses.length; i++) {
                var status = e.statuses[i];
                alert('id: ' + status.id + '\n' +
                      'message: ' + status.message + '\n' +
                      'updated_at: ' + status.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query Status */
export function queryStatus() {
    Cloud.Statuses.query({
        page: 1,
        per_page: 20,
        order: '-updated_at'
    }, function (e) {
        if (e.success) {
            for (var i = 0; i < e.statuses.length; i++) {
                var status = e.statuses[i];
                alert('Success:\n' +
                    'id: ' + status.id + '\n' +
                    'message: ' + status.message + '\n' +
                    'updated_at: ' + status.updated_at);
              }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
