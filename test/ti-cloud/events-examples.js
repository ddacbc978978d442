/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Events documentation (ti.cloud apidoc/Events/Events.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to call.
// They use the globals `Cloud`, `alert`, `starttime`, `startTime`, `savedEventId`, `savedPlaceId`,
// `lat`, `lon` and `place` (five loops print `place.updated_at`: the app's saved place), as app code does.

/** Create Event */
export function createEvent() {
    Cloud.Events.create({
        name: 'Celebration',
        start_time: starttime,
        duration: 3600,
        recurring: 'monthly',
        recurring_count: 5
    }, function (e) {
        if (e.success) {
            var event = e.events[0];
            alert('Success:\n' +
                'id: ' + event.id + '\n' +
                'name: ' + event.name + '\n' +
                'updated_at: ' + event.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show an Event */
export function showAnEvent() {
    Cloud.Events.show({
        event_id: savedEventId
    }, function (e) {
        if (e.success) {
            var event = e.events[0];
            alert('Success:\n' +
                'id: ' + event.id + '\n' +
                'name: ' + event.name + '\n' +
                'updated_at: ' + event.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Occurrences for an Event */
export function showOccurrencesForAnEvent() {
    Cloud.Events.showOccurrences({
        event_id: savedEventId
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.event_occurrences.length);
            for (var i = 0; i < e.event_occurrences.length; i++) {
                var event = e.event_occurrences[i].event;
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'start time: ' + event.start_time + '\n' +
                        'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query Events */
export function queryEvents() {
    Cloud.Events.query(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.events.length);
            for (var i = 0; i < e.events.length; i++) {
                var event = e.events[i];
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'start time: ' + event.start_time + '\n' +
                        'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query Event Occurrences */
export function queryEventOccurrences() {
    Cloud.Events.queryOccurrences(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.event_occurrences.length);
            for (var i = 0; i < e.event_occurrences.length; i++) {
                var event = e.event_occurrences[i].event;
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'start time: ' + event.start_time + '\n' +
                        'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search Events */
export function searchEvents() {
    Cloud.Events.search({
        place_id: savedPlaceId,
        start_time: startTime,
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.events.length);
            for (var i = 0; i < e.events.length; i++) {
                var event = e.events[i];
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'start time: ' + event.start_time + '\n' +
                        'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search Event Occurrences */
export function searchEventOccurrences() {
    Cloud.Events.searchOccurrences({
        place_id: savedPlaceId,
        start_time: startTime
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.event_occurrences.length);
            for (var i = 0; i < e.event_occurrences.length; i++) {
                var event = e.event_occurrences[i].event;
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'start time: ' + event.start_time + '\n' +
                        'updated_at: ' + place.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Search for events */
export function searchForEvents() {
    Cloud.Events.search({
        latitude: lat,
        longitude: lon
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.events.length);
            for (var i = 0; i < e.events.length; i++) {
                var event = e.events[i];
                alert('id: ' + event.id + '\n' +
                        'name: ' + event.name + '\n' +
                        'longitude: ' + event.longitude + '\n' +
                        'latitude: ' + event.latitude + '\n' +
                        'updated_at: ' + event.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update an Event */
export function updateAnEvent() {
    Cloud.Events.update({
        event_id: savedEventId,
        name: 'Annual Celebration',
        start_time: starttime,
        duration: 3600,
        recurring: 'monthly',
        recurring_count: 5
    }, function (e) {
        if (e.success) {
            var event = e.events[0];
            alert('Success:\n' +
                'id: ' + event.id + '\n' +
                'name: ' + event.name + '\n' +
                'updated_at: ' + event.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove an Event */
export function removeAnEvent() {
    Cloud.Events.remove({
        event_id: savedEventId
    }, function (e) {
        if (e.success) {
            alert('Removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
