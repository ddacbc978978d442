/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Posts documentation (ti.cloud apidoc/Posts/Posts.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to
// call. Like app code they lean on globals: `Cloud`, `alert`, and two the documentation never
// defines — `savedPostId` (a post's id) and `Titanium` (for `Titanium.Filesystem.getFile`) —
// which the tests install as an app would define them.

/** Create Post */
export function createPost() {
    Cloud.Posts.create({
        content: 'Man Walks On Moon',
        title: 'News of the day',
        photo: Titanium.Filesystem.getFile('photo.jpg')
    }, function (e) {
        if (e.success) {
            var post = e.posts[0];
            alert('Success:\n' +
                'id: ' + post.id + '\n' +
                'title: ' + post.title + '\n' +
                'content: ' + post.content + '\n' +
                'updated_at: ' + post.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show a Post */
export function showAPost() {
    Cloud.Posts.show({
        post_id: savedPostId
    }, function (e) {
        if (e.success) {
            var post = e.posts[0];
            alert('Success:\n' +
                'id: ' + post.id + '\n' +
                'title: ' + post.title + '\n' +
                'content: ' + post.content + '\n' +
                'updated_at: ' + post.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query for Posts */
export function queryForPosts() {
    Cloud.Posts.query({
        page: 1,
        per_page: 20,
        where: {
            reviews_count: { '$gt': 1.0 }
        }
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.posts.length);
            for (var i = 0; i < e.posts.length; i++) {
                var post = e.posts[i];
                alert('id: ' + post.id + '\n' +
                    'id: ' + post.id + '\n' +
                    'title: ' + post.title + '\n' +
                    'content: ' + post.content + '\n' +
                    'updated_at: ' + post.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update a Post */
export function updateAPost() {
    Cloud.Posts.update({
        post_id: savedPostId,
        title: 'Lunar Eclipse'
    }, function (e) {
        if (e.success) {
            var post = e.posts[0];
            alert('Success:\n' +
                'id: ' + post.id + '\n' +
                'title: ' + post.title + '\n' +
                'content: ' + post.content + '\n' +
                'updated_at: ' + post.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove a Post */
export function removeAPost() {
    Cloud.Posts.remove({
        post_id: savedPostId
    }, function (e) {
        if (e.success) {
            alert('Success');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
