/* eslint-disable */
// The examples of Titanium's Modules.Cloud.Chats documentation (ti.cloud apidoc/Chats/Chats.yml,
// "examples") that can run, each body exactly as published and only wrapped in a function for the
// tests to call. They use the globals `Cloud`, `alert`, `ids` (the users the app picked) and
// `last_update_time` (when the app last polled), as app code does. "Get Chat Groups" is left out:
// it reads `e.chats.length`, which no get_chat_groups reply has, so it throws in any app.

/** Create Chat Message */
export function createChatMessage() {
    Cloud.Chats.create({
        to_ids: ids.join(','),
        message: 'Good morning'
    }, function (e) {
        if (e.success) {
            for (var i = 0; i < e.chats.length; i++) {
                var chat = e.chats[i];
                alert('Success:\n' +
                    'From: ' + chat.from.first_name + ' ' + chat.from.last_name + '\n' +
                    'Updated: ' + chat.updated_at + '\n' +
                    'Message: ' + chat.message);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query for Chat Message */
export function queryForChatMessage() {
    Cloud.Chats.query({
        participate_ids: ids.join(','),
        where: {
            updated_at: { '$gt': last_update_time }
        }
    }, function (e) {
        if (e.success) {
            for (var i = 0; i < e.chats.length; i++) {
                var chat = e.chats[i];
                alert('Success:\n' +
                    'From: ' + chat.from.first_name + ' ' + chat.from.last_name + '\n' +
                    'Updated: ' + chat.updated_at + '\n' +
                    'Message: ' + chat.message);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
