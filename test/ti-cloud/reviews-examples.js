/* eslint-disable */
// Every example of Titanium's Modules.Cloud.Reviews documentation (ti.cloud apidoc/Reviews/Reviews.yml,
// "examples"), each body exactly as published and only wrapped in a function for the tests to
// call. Like app code they lean on globals: `Cloud`, `alert`, and two the
// documentation never defines — `savedPostId` (the reviewed post's id) and `savedReviewId` (a
// review's id) — which the tests install as an app would define them.

/** Create Review */
export function createReview() {
    Cloud.Reviews.create({
        post_id: savedPostId,
        rating: 1,
        content: 'Good'
    }, function (e) {
        if (e.success) {
            var review = e.reviews[0];
            alert('Success:\n' +
                'id: ' + review.id + '\n' +
                'rating: ' + review.rating + '\n' +
                'content: ' + review.content + '\n' +
                'updated_at: ' + review.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Show a Review */
export function showAReview() {
    Cloud.Reviews.show({
        post_id: savedPostId,
        review_id: savedReviewId
    }, function (e) {
        if (e.success) {
            var review = e.reviews[0];
            alert('Success:\n' +
                'id: ' + review.id + '\n' +
                'rating: ' + review.rating + '\n' +
                'content: ' + review.content + '\n' +
                'updated_at: ' + review.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Query for Reviews */
export function queryForReviews() {
    Cloud.Reviews.query({
        page: 1,
        per_page: 20,
        where: {
            rating: { '$gt': 5.0 }
        }
    }, function (e) {
        if (e.success) {
            alert('Success:\n' +
                'Count: ' + e.reviews.length);
            for (var i = 0; i < e.reviews.length; i++) {
                var review = e.reviews[i];
                alert('id: ' + review.id + '\n' +
                    'id: ' + review.id + '\n' +
                    'rating: ' + review.rating + '\n' +
                    'content: ' + review.content + '\n' +
                    'updated_at: ' + review.updated_at);
            }
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update a Review */
export function updateAReview() {
    Cloud.Reviews.update({
        post_id: savedPostId,
        review_id: savedReviewId,
        rating: 100,
        content: 'Very good!'
    }, function (e) {
        if (e.success) {
            var review = e.reviews[0];
            alert('Success:\n' +
                'id: ' + review.id + '\n' +
                'rating: ' + review.rating + '\n' +
                'content: ' + review.content + '\n' +
                'updated_at: ' + review.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove a Review */
export function removeAReview() {
    Cloud.Reviews.remove({
        post_id: savedPostId,
        review_id: savedReviewId
    }, function (e) {
        if (e.success) {
            alert('Success');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
