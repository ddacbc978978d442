/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Messages documentation (ti.cloud
// apidoc/Messages/Messages.yml, "examples"), each body exactly as published and only wrapped in a
// function for the tests to call. They use the globals `Cloud`, `alert`, `toSet` (the users picked),
// `savedMessageId` and `savedThreadId` (what the app kept), as app code does.

/** Create Message */
export function createMessage() {
    Cloud.Messages.create({
        to_ids: toSet.ids.join(','),
        body: 'Hello World',
        subject: 'Test Message'
    }, function (e) {
        if (e.success) {
            var message = e.messages[0];
            alert('Success:\n' +
                'id: ' + message.id + '\n' +
                'subject: ' + message.subject + '\n' +
                'body: ' + message.body + '\n' +
                'updated_at: ' + message.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Reply to a Message */
export function replyToAMessage() {
    Cloud.Messages.reply({
        message_id: savedMessageId,
        body: 'Welcome'
    }, function (e) {
        if (e.success) {
            var message = e.messages[0];
            alert('Success:\n' +
                'id: ' + message.id + '\n' +
                'subject: ' + message.subject + '\n' +
                'body: ' + message.body + '\n' +
                'updated_at: ' + message.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show a Message */
export function showAMessage() {
    Cloud.Messages.show({
        message_id: savedMessageId
    }, function (e) {
        if (e.success) {
            var message = e.messages[0];
            alert('Success:\n' +
                'id: ' + message.id + '\n' +
                'subject: ' + message.subject + '\n' +
                'body: ' + message.body + '\n' +
                'updated_at: ' + message.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Inbox Messages */
export function showInboxMessages() {
    Cloud.Messages.showInbox(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.messages.length);
            for (var i = 0; i < e.messages.length; i++) {
                var message = e.messages[i];
                alert('Success:\n' +
                    'id: ' + message.id + '\n' +
                    'subject: ' + message.subject + '\n' +
                    'body: ' + message.body + '\n' +
                    'updated_at: ' + message.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Sent Messages */
export function showSentMessages() {
    Cloud.Messages.showSent(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.messages.length);
            for (var i = 0; i < e.messages.length; i++) {
                var message = e.messages[i];
                alert('Success:\n' +
                    'id: ' + message.id + '\n' +
                    'subject: ' + message.subject + '\n' +
                    'body: ' + message.body + '\n' +
                    'updated_at: ' + message.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Message Threads */
export function showMessageThreads() {
    Cloud.Messages.showThreads(function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.messages.length);
            for (var i = 0; i < e.messages.length; i++) {
                var message = e.messages[i];
                alert('Success:\n' +
                    'id: ' + message.id + '\n' +
                    'thread id: ' + message.thread_id + '\n' +
                    'subject: ' + message.subject + '\n' +
                    'body: ' + message.body + '\n' +
                    'updated_at: ' + message.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show Thread Messages */
export function showThreadMessages() {
    Cloud.Messages.showThread({
        thread_id: savedThreadId
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.messages.length);
            for (var i = 0; i < e.messages.length; i++) {
                var message = e.messages[i];
                alert('Success:\n' +
                    'id: ' + message.id + '\n' +
                    'thread id: ' + message.thread_id + '\n' +
                    'subject: ' + message.subject + '\n' +
                    'body: ' + message.body + '\n' +
                    'updated_at: ' + message.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove a Message */
export function removeAMessage() {
    Cloud.Messages.remove({
        message_id: savedMessageId
    }, function (e) {
        if (e.success) {
            alert('Removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove Thread Messages */
export function removeThreadMessages() {
    Cloud.Messages.removeThread({
        thread_id: savedThreadId
    }, function (e) {
        if (e.success) {
            alert('Removed');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
