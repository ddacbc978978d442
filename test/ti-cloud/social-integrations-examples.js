/* eslint-disable */
// The "Search for Facebook Friends" example of Titanium's Modules.Cloud.SocialIntegrations
// documentation (ti.cloud apidoc/SocialIntegrations/SocialIntegrations.yml, "examples"), its body
// exactly as published and only wrapped in a function for the tests to call. It uses the globals
// `Cloud` and `alert`, as app code does. The two other examples (log in and link with
// `type: 'facebook'` and a token only) need the Facebook id read from the token, which mock-cloud
// does not do (docs/users.md "External accounts"): they are not run.

/** Search for Facebook Friends */
export function searchForFacebookFriends() {
    Cloud.SocialIntegrations.searchFacebookFriends(function (e){
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
