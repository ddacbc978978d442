/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Places documentation (ti.cloud
// apidoc/Places/Places.yml, "examples"), each body exactly as published and only wrapped in a
// function for the tests to call. They use the globals `Cloud`, `alert`, `savedPlaceId`, `lat` and
// `lon`, as app code does.

/** Create Place */
export function createPlace() {
    Cloud.Places.create({
        name: 'Appcelerator HQ',
        state: 'California',
        website: 'https://www.appcelerator.com'
    }, function (e) {
        if (e.success) {
            var place = e.places[0];
            alert('Success:\n' +
                'id: ' + place.id + '\n' +
                'name: ' + place.name + '\n' +
                'updated_at: ' + place.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show a Place */
export function showAPlace() {
    Cloud.Places.show({
        place_id: savedPlaceId
    }, function (e) {
        if (e.success) {
            var place = e.places[0];
            alert('Success:\n' +
                'id: ' + place.id + '\n' +
                'name: ' + place.name + '\n' +
                'updated_at: ' + place.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search for Places */
export function searchForPlaces() {
    Cloud.Places.search({
        latitude: lat,
        longitude: lon
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.places.length);
            for (var i = 0; i < e.places.length; i++) {
                var place = e.places[i];
                alert('id: ' + place.id + '\n' +
                      'name: ' + place.name + '\n' +
                      'longitude: ' + place.longitude + '\n' +
                      'latitude: ' + place.latitude + '\n' +
                      'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query for Places */
export function queryForPlaces() {
    Cloud.Places.query({
        page: 1,
        per_page: 20,
        where: {
            lnglat: {
                '$nearSphere': [-122.23,37.12],
                '$maxDistance': 0.00126
            }
        }
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.places.length);
            for (var i = 0; i < e.places.length; i++) {
                var place = e.places[i];
                alert('id: ' + place.id + '\n' +
                      'name: ' + place.name + '\n' +
                      'longitude: ' + place.longitude + '\n' +
                      'latitude: ' + place.latitude + '\n' +
                      'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update a Place */
export function updateAPlace() {
    Cloud.Places.update({
        place_id: savedPlaceId,
        city: 'Mountain View'
    }, function (e) {
        if (e.success) {
            var place = e.places[0];
            alert('Success:\n' +
                'id: ' + place.id + '\n' +
                'name: ' + place.name + '\n' +
                'updated_at: ' + place.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove a Place */
export function removeAPlace() {
    Cloud.Places.remove({
        place_id: savedPlaceId
    }, function (e) {
        if (e.success) {
            alert('Success');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
