// A plain Node script on the arrowdb SDK: logs a user in, parks a car (a custom object of the
// class "cars") and prints the makes of every car parked, in order.
//   node garage.js [URL] [APP_KEY] [MAKE]     defaults: http://127.0.0.1:8080 TESTKEY mini
const ArrowDB = require('arrowdb')

/** Calls an SDK method and resolves with the reply's `response`; an SDK error rejects. */
function call(app, method, params) {
  return new Promise((resolve, reject) => {
    app[method](params, (err, result) => (err ? reject(err) : resolve(result.body.response)))
  })
}

async function park({ url, key, login, password, make }) {
  const app = new ArrowDB(key, { apiEntryPoint: url }) // the scheme, no trailing slash
  await call(app, 'usersLogin', { login, password })
  await call(app, 'customObjectsCreate', { classname: 'cars', fields: { make } })
  const { cars } = await call(app, 'customObjectsQuery', { classname: 'cars', order: 'make' })
  return cars.map((car) => car.make)
}

module.exports = { park }

if (require.main === module) {
  const [url = 'http://127.0.0.1:8080', key = 'TESTKEY', make = 'mini'] = process.argv.slice(2)
  park({ url, key, login: 'alice', password: 'alice-pass', make }).then(
    (makes) => console.log(makes.join('\n')),
    (err) => {
      console.error(`${err.statusCode ?? ''} ${err.reason ?? err.message}`)
      process.exitCode = 1
    },
  )
}
