import { expect, it } from 'vitest'
import { settled } from 'mock-cloud/ti-cloud'
import { finishGame, showBestGames, showTotal } from '../app/lib/scores.js'

async function logIn(login, password) {
  Cloud.Users.login({ login, password }, () => {})
  await settled(Cloud)
}

it('saves each game and keeps the total in a private KeyValue', async () => {
  await logIn('alice', 'alice-pass')
  finishGame(10)
  finishGame(30)
  finishGame(20)
  await settled(Cloud) // every callback, and every call they made, has run
  showBestGames(2)
  await settled(Cloud) // one call at a time: two calls in flight may answer in either order
  showTotal()
  await settled(Cloud)
  expect(alert.mock.calls).toEqual([['Best: 30, 20'], ['Total: 60']])
})

it('starts every test from the fixture users: no games, no score', async () => {
  await logIn('alice', 'alice-pass')
  showTotal()
  await settled(Cloud)
  expect(alert).toHaveBeenCalledWith('No score yet')
})

it('shows the service message when nobody is logged in', async () => {
  finishGame(10)
  await settled(Cloud)
  expect(alert).toHaveBeenCalledWith('Not saved: Failed to authenticate user')
})
