/* eslint-disable */
// The examples of Titanium's Modules.Cloud.Objects documentation (ti.cloud apidoc/Objects/Objects.yml,
// "examples") that run as published, each wrapped in a function so a test can run it. They use the
// globals `Cloud`, `alert` and `savedCar1`, as app code does. (Show and Query are left out: their
// loops read `cars.id`, an undefined variable, and throw in Titanium too.)

/** Create Custom Object */
export function createCustomObject() {
    Cloud.Objects.create({
        classname: 'cars',
        fields: {
            make: 'nissan',
            color: 'blue',
            year: 2005
        }
    }, function (e) {
        if (e.success) {
            var car = e.cars[0];
            alert('Success:\n' +
                'id: ' + car.id + '\n' +
                'make: ' + car.make + '\n' +
                'color: ' + car.color + '\n' +
                'year: ' + car.year + '\n' +
                'created_at: ' + car.created_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Update Custom Object */
export function updateCustomObject() {
    Cloud.Objects.update({
        classname: 'cars',
        id: savedCar1.id,
        fields: {
            color: 'purple',
            mileage: 10000
        }
    }, function (e) {
        if (e.success) {
            var car = e.cars[0];
            alert('Success:\n' +
                'id: ' + car.id + '\n' +
                'make: ' + car.make + '\n' +
                'color: ' + car.color + '\n' +
                'year: ' + car.year + '\n' +
                'mileage: ' + car.mileage + '\n' +
                'updated_at: ' + car.updated_at);
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}

/** Remove Custom Object */
export function removeCustomObject() {
    Cloud.Objects.remove({
        classname: 'cars',
        id: savedCar1.id
    }, function (e) {
        if (e.success) {
            alert('Success');
        } else {
            alert('Error:\n' +
                ((e.error && e.message) || JSON.stringify(e)));
        }
    });
}
