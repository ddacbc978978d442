// Titanium app code, as it runs on a device (a CommonJS module, as classic Titanium apps write
// them; vitest loads it as it is): every finished game is a custom object of the class "games",
// and the player's total score is a private KeyValue, "score".
var Cloud = require('ti.cloud');

exports.finishGame = function (points) {
    Cloud.Objects.create({ classname: 'games', fields: { points: points } }, function (e) {
        if (!e.success) {
            return alert('Not saved: ' + e.message);
        }
        Cloud.KeyValues.increment({ name: 'score', value: points, access_private: true }, function (e) {
            if (!e.success) {
                alert('Score not kept: ' + e.message);
            }
        });
    });
};

exports.showBestGames = function (count) {
    Cloud.Objects.query({ classname: 'games', order: '-points', limit: count }, function (e) {
        if (!e.success) {
            return alert('Error: ' + e.message);
        }
        alert('Best: ' + e.games.map(function (game) { return game.points; }).join(', '));
    });
};

exports.showTotal = function () {
    Cloud.KeyValues.get({ name: 'score', access_private: true }, function (e) {
        // ArrowDB answers a name never set with 400 'Invalid key-value name'.
        alert(e.success ? 'Total: ' + e.keyvalues[0].value : 'No score yet');
    });
};
