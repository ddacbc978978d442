// The dashboard of mock-cloud (docs/dashboard.md): one page over the admin API of the server that
// serves it. It names no ArrowDB object: collections, keys and sessions come from the admin routes.
import { h, render } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import htm from 'htm'

const html = htm.bind(h)

/** How often the views refresh while "Live" is on, in ms. */
const POLL_MS = 1000
/** Records a collection page shows. */
const PER_PAGE = 20
/**
 * Columns a collection table shows at most, the `sessions` column included (the record's full
 * JSON has every field): so many fit a 1280 px window.
 */
const MAX_COLUMNS = 8
/** Characters a table cell shows of a value (its full text is in the cell's title). */
const CELL_CHARS = 40

/**
 * Calls an admin route of this server and answers its envelope; a failure envelope throws an Error
 * carrying its message. The browser adds the admin token itself (Basic, asked for by the 401).
 */
async function admin(path, { method = 'GET', json } = {}) {
  const init = { method, headers: { accept: 'application/json' } }
  if (json !== undefined) {
    init.body = JSON.stringify(json)
    init.headers['content-type'] = 'application/json'
  }
  const reply = await fetch(path, init)
  const body = await reply.json().catch(() => ({ meta: { status: 'fail', code: reply.status, message: reply.statusText } }))
  if (body.meta && body.meta.status === 'fail') throw new Error(`${body.meta.code}: ${body.meta.message}`)
  return body
}

/** A path with query parameters, leaving out those undefined or empty. */
function withQuery(path, params) {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value))
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

/**
 * Loads with `load()` now, again when `deps` change or `version` moves, and every POLL_MS while
 * `live` and the page is visible; answers `{ data, error }` (the last data stays on screen beside an error).
 */
function usePoll(load, deps, { live, version }) {
  const [state, setState] = useState({ data: undefined, error: undefined })
  useEffect(() => {
    let current = true
    const run = () =>
      load().then(
        (data) => current && setState({ data, error: undefined }),
        (error) => current && setState((before) => ({ data: before.data, error: error.message })),
      )
    run()
    // A page in a hidden tab stops asking until it is shown again.
    const timer = live ? setInterval(() => document.hidden || run(), POLL_MS) : undefined
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [...deps, live, version])
  return state
}

/** A value as one line of text: strings as they are, anything else as JSON. */
function text(value) {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function Cell({ value }) {
  const full = text(value)
  const shown = full.length > CELL_CHARS ? `${full.slice(0, CELL_CHARS - 1)}…` : full
  return html`<td title=${full.length > CELL_CHARS ? full : undefined}>${shown}</td>`
}

function Json({ value, label }) {
  return html`<pre class="json" tabindex="0" aria-label=${label}>${JSON.stringify(value, null, 2)}</pre>`
}

function ErrorLine({ error }) {
  return error ? html`<p class="error" role="alert">${error}</p>` : null
}

/**
 * A table that scrolls sideways on its own when it is wider than the window, reachable by keyboard;
 * then its caption says so, so no column looks cut off.
 */
function Table({ caption, head, children }) {
  const box = useRef(null)
  const [overflows, setOverflows] = useState(false)
  useEffect(() => {
    const element = box.current
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    observer.observe(element.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${caption} ref=${box}>
    <table>
      <caption>${caption}${overflows ? html` <span class="hint">(scroll sideways for more columns)</span>` : null}</caption>
      <thead><tr>${head.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
      <tbody>${children}</tbody>
    </table>
  </div>`
}

/** The full JSON of the chosen row, with a button to close it. */
function Detail({ title, value, onClose }) {
  const heading = useRef(null)
  useEffect(() => heading.current && heading.current.focus(), [title])
  if (value === undefined) return null
  return html`<section class="detail" aria-label=${title}>
    <h3 tabindex="-1" ref=${heading}>${title}</h3>
    <button type="button" onClick=${onClose}>Close</button>
    <${Json} value=${value} label=${title} />
  </section>`
}

/**
 * The columns of a page of records, at most `max`: `id`, then short plain values, then
 * objects and long texts, then dates (`..._at`); every field is in the record's full JSON.
 */
function columnsOf(records, max) {
  const rank = (field) => {
    if (field === 'id') return 0
    if (field.endsWith('_at')) return 3
    const long = records.some((record) => typeof record[field] === 'object' ? record[field] !== null : text(record[field]).length > CELL_CHARS)
    return long ? 2 : 1
  }
  const fields = [...new Set(['id', ...records.flatMap((record) => Object.keys(record))])]
  return fields
    .map((field, index) => ({ field, index, rank: rank(field) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, max)
    .map(({ field }) => field)
}

function Collections({ appKey, summary, sessions, poll }) {
  const names = Object.keys(summary ? summary.collections : {})
  const [chosen, setChosen] = useState(undefined)
  const name = chosen !== undefined && names.includes(chosen) ? chosen : names[0]
  const [filter, setFilter] = useState({ where: '', order: '' })
  const [draft, setDraft] = useState({ where: '', order: '' })
  const [skip, setSkip] = useState(0)
  const [open, setOpen] = useState(undefined)
  useEffect(() => {
    setSkip(0)
    setOpen(undefined)
  }, [appKey, name, filter.where, filter.order])
  const page = usePoll(
    () =>
      name === undefined
        ? Promise.resolve(undefined)
        : admin(withQuery(`/__mock/collections/${encodeURIComponent(name)}`, { key: appKey, where: filter.where, order: filter.order, limit: PER_PAGE, skip })),
    [appKey, name, filter.where, filter.order, skip],
    poll,
  )
  const records = page.data ? page.data.response.records : []
  const total = page.data ? Number(String(page.data.meta.count).replace('+', '')) : 0
  const sessionsOf = new Map()
  for (const session of sessions) sessionsOf.set(session.user_id, (sessionsOf.get(session.user_id) || 0) + 1)
  const withSessions = records.some((record) => sessionsOf.has(record.id))
  const columns = columnsOf(records, withSessions ? MAX_COLUMNS - 1 : MAX_COLUMNS)
  const submit = (event) => {
    event.preventDefault()
    setFilter({ ...draft })
  }
  if (names.length === 0) return html`<p>This data set holds no collection yet.</p>`
  return html`<div class="collections">
    <nav aria-label="Collections">
      <ul class="names">
        ${names.map(
          (each) => html`<li><button type="button" aria-current=${each === name ? 'true' : undefined} onClick=${() => setChosen(each)}>
            ${each} <span class="count">${summary.collections[each]}</span></button></li>`,
        )}
      </ul>
    </nav>
    <div class="records">
      <form class="filter" onSubmit=${submit}>
        <label>where <input name="where" value=${draft.where} placeholder='e.g. {"username":"alice"}' spellcheck="false"
          onInput=${(event) => setDraft({ ...draft, where: event.currentTarget.value })} /></label>
        <label>order <input name="order" value=${draft.order} placeholder="e.g. -created_at" spellcheck="false"
          onInput=${(event) => setDraft({ ...draft, order: event.currentTarget.value })} /></label>
        <button type="submit">Apply</button>
      </form>
      <${ErrorLine} error=${page.error} />
      <${Table}
        caption=${`${name}: ${total === 0 ? 'no records' : `${skip + 1}–${skip + records.length} of ${page.data.meta.count}`}`}
        head=${[...columns, ...(withSessions ? ['sessions'] : [])]}
      >
        ${records.map(
          (record) => html`<tr key=${record.id} class=${open && open.id === record.id ? 'chosen' : undefined} onClick=${() => setOpen(record)}>
            <td><button type="button" class="link" onClick=${(event) => { event.stopPropagation(); setOpen(record) }}>${record.id}</button></td>
            ${columns.slice(1).map((column) => html`<${Cell} value=${record[column]} />`)}
            ${withSessions ? html`<td>${sessionsOf.get(record.id) || 0}</td>` : null}
          </tr>`,
        )}
      <//>
      <div class="pager">
        <button type="button" disabled=${skip === 0} onClick=${() => setSkip(Math.max(0, skip - PER_PAGE))}>Previous page</button>
        <button type="button" disabled=${skip + PER_PAGE >= total} onClick=${() => setSkip(skip + PER_PAGE)}>Next page</button>
      </div>
      <${Detail} title=${open ? `${name} ${open.id}` : ''} value=${open} onClose=${() => setOpen(undefined)} />
    </div>
  </div>`
}

function Sessions({ sessions }) {
  if (sessions.length === 0) return html`<p>No live session.</p>`
  return html`<${Table} caption="Live sessions" head=${['session_id', 'user_id', 'created_at']}>
    ${sessions.map((session) => html`<tr key=${session.session_id}><td>${session.session_id}</td><td>${session.user_id}</td><td>${session.created_at}</td></tr>`)}
  <//>`
}

/**
 * What a mail's link leads to on the real service's site, done here with the API of this server:
 * the reset form sets a new password, the confirmation link confirms the address.
 */
const LINKS = {
  reset_password: { endpoint: 'users/reset_password', token: 'reset_password_token', fields: ['password', 'password_confirmation'], verb: 'POST' },
  confirmation: { endpoint: 'users/confirm_user', token: 'confirmation_token', fields: [], verb: 'GET' },
}

function MailLink({ appKey, mail, onDone }) {
  const target = LINKS[mail.kind]
  const [values, setValues] = useState({})
  const [result, setResult] = useState(undefined)
  const submit = async (event) => {
    event.preventDefault()
    const params = { key: appKey, [target.token]: mail.token, ...values }
    const path = `/v1/${target.endpoint}.json`
    const reply = await fetch(target.verb === 'GET' ? withQuery(path, params) : path, {
      method: target.verb,
      ...(target.verb === 'POST' && { body: new URLSearchParams(params) }),
    })
    const body = await reply.json()
    setResult(body.meta)
    onDone()
  }
  return html`<section class="detail" aria-label="Mail link">
    <h3>${mail.kind === 'reset_password' ? `Reset the password of ${mail.to}` : `Confirm ${mail.to}`}</h3>
    <p class="small">${mail.link}</p>
    <form onSubmit=${submit}>
      ${target.fields.map(
        (field) => html`<label>${field.replace('_', ' ')} <input type="password" name=${field} required autocomplete="new-password"
          onInput=${(event) => setValues({ ...values, [field]: event.currentTarget.value })} /></label>`,
      )}
      <button type="submit">${mail.kind === 'reset_password' ? 'Set the password' : 'Confirm the address'}</button>
    </form>
    ${result && html`<p role="status" class=${result.status === 'ok' ? 'ok' : 'error'}>${result.status === 'ok' ? `Done (${result.method_name}).` : `${result.code}: ${result.message}`}</p>`}
  </section>`
}

function Mails({ appKey, poll, refresh }) {
  const mails = usePoll(() => admin(withQuery('/__mock/outbox', { key: appKey })), [appKey], poll)
  const [open, setOpen] = useState(undefined)
  const list = mails.data ? [...mails.data.response.mails].reverse() : []
  return html`<${ErrorLine} error=${mails.error} />
    ${list.length === 0
      ? html`<p>No mail sent.</p>`
      : html`<${Table} caption="Mails, newest first" head=${['created_at', 'kind', 'to', 'subject', 'link']}>
          ${list.map(
            (mail, index) => html`<tr key=${index}>
              <td><button type="button" class="link" onClick=${() => setOpen({ mail, link: false })}>${mail.created_at}</button></td>
              <${Cell} value=${mail.kind} /><${Cell} value=${mail.to} /><${Cell} value=${mail.subject} />
              <td>${mail.link && LINKS[mail.kind]
                ? html`<button type="button" class="link" title=${mail.link} onClick=${() => setOpen({ mail, link: true })}>Open the ${mail.kind.replace('_', ' ')} link</button>`
                : ''}</td>
            </tr>`,
          )}
        <//>`}
    ${open && open.link ? html`<${MailLink} key=${open.mail.token} appKey=${appKey} mail=${open.mail} onDone=${refresh} />` : null}
    <${Detail} title="Mail" value=${open && !open.link ? open.mail : undefined} onClose=${() => setOpen(undefined)} />`
}

function Pushes({ appKey, poll }) {
  const pushes = usePoll(() => admin(withQuery('/__mock/pushes', { key: appKey })), [appKey], poll)
  const [open, setOpen] = useState(undefined)
  const list = pushes.data ? [...pushes.data.response.pushes].reverse() : []
  return html`<${ErrorLine} error=${pushes.error} />
    ${list.length === 0
      ? html`<p>No push sent.</p>`
      : html`<${Table} caption="Pushes, newest first" head=${['created_at', 'kind', 'channel', 'devices', 'payload']}>
          ${list.map(
            (push) => html`<tr key=${push.id}>
              <td><button type="button" class="link" onClick=${() => setOpen(push)}>${push.created_at}</button></td>
              <${Cell} value=${push.kind} /><${Cell} value=${push.channel} /><td>${push.deliveries.length}</td><${Cell} value=${push.payload} />
            </tr>`,
          )}
        <//>`}
    <${Detail} title="Push" value=${open} onClose=${() => setOpen(undefined)} />`
}

/**
 * A failed call: refused (`meta.status` "fail", also when `suppress_response_codes` sent it as
 * HTTP 200, as Titanium's Cloud asks), answered 400 or more, or dropped by a fault.
 */
function failed(call) {
  return call.status === null || call.status >= 400 || (call.meta !== null && call.meta.status === 'fail')
}

function Journal({ appKey, poll, refresh, say }) {
  const [draft, setDraft] = useState({ method_name: '', status: '' })
  const [filter, setFilter] = useState({ method_name: '', status: '' })
  const calls = usePoll(() => admin(withQuery('/__mock/requests', { key: appKey, ...filter })), [appKey, filter.method_name, filter.status], poll)
  const [open, setOpen] = useState(undefined)
  const list = calls.data ? [...calls.data.response.requests].reverse() : []
  const seen = [...new Set(list.map((call) => call.method_name).filter(Boolean))].sort()
  const submit = (event) => {
    event.preventDefault()
    setFilter({ ...draft })
  }
  const clear = async () => {
    const reply = await admin(withQuery('/__mock/requests', { key: appKey }), { method: 'DELETE' })
    say(`Journal of ${appKey} emptied: ${reply.meta.count} calls removed.`)
    setOpen(undefined)
    refresh()
  }
  return html`<form class="filter" onSubmit=${submit}>
      <label>method_name <input name="method_name" list="method-names" value=${draft.method_name} placeholder="e.g. loginUser" spellcheck="false"
        onInput=${(event) => setDraft({ ...draft, method_name: event.currentTarget.value })} /></label>
      <datalist id="method-names">${seen.map((name) => html`<option value=${name} />`)}</datalist>
      <label>status or code <input name="status" type="number" min="100" max="599" value=${draft.status} placeholder="e.g. 400"
        onInput=${(event) => setDraft({ ...draft, status: event.currentTarget.value })} /></label>
      <button type="submit">Filter</button>
      <button type="button" onClick=${clear}>Empty the journal</button>
    </form>
    <${ErrorLine} error=${calls.error} />
    ${list.length === 0
      ? html`<p>No call recorded${filter.method_name || filter.status ? ' that matches' : ''}.</p>`
      : html`<${Table} caption="Calls, newest first" head=${['time', 'method', 'path', 'method_name', 'status', 'code', 'user_id']}>
          ${list.map(
            (call) => html`<tr key=${call.id} class=${failed(call) ? 'failed' : undefined}>
              <td><button type="button" class="link" onClick=${() => setOpen(call)}>${call.time}</button></td>
              <${Cell} value=${call.method} /><${Cell} value=${call.path} /><${Cell} value=${call.method_name} />
              <td>${call.status === null ? 'dropped' : call.status}</td>
              <td>${call.meta ? `${call.meta.code ?? ''}${call.meta.status === 'fail' ? ' fail' : ''}` : ''}</td><${Cell} value=${call.user_id} />
            </tr>`,
          )}
        <//>`}
    ${open &&
    html`<section class="detail" aria-label="Call ${open.id}">
      <h3>${open.method} ${open.path}</h3>
      <button type="button" onClick=${() => setOpen(undefined)}>Close</button>
      <div class="side-by-side">
        <div><h4>Request</h4><${Json} label="Request" value=${{ method: open.method, path: open.path, params: open.params, user_id: open.user_id, time: open.time }} /></div>
        <div><h4>Reply</h4><${Json} label="Reply" value=${{ status: open.status, meta: open.meta, duration_ms: open.duration_ms, ...(open.fault && { fault: open.fault }) }} />
          <p class="small">The journal keeps a reply's HTTP status and <code>meta</code>, not its <code>response</code>.</p></div>
      </div>
    </section>`}`
}

function Faults({ appKey, poll, refresh, say }) {
  const faults = usePoll(() => admin(withQuery('/__mock/faults', { key: appKey })), [appKey], poll)
  const [spec, setSpec] = useState({ method_name: '', times: '1', code: '503', message: '', delay: '', drop: false })
  const list = faults.data ? faults.data.response.faults : []
  const set = (name) => (event) => setSpec({ ...spec, [name]: event.currentTarget.type === 'checkbox' ? event.currentTarget.checked : event.currentTarget.value })
  const add = async (event) => {
    event.preventDefault()
    const json = { method_name: spec.method_name.trim(), times: Number(spec.times) }
    if (spec.drop) json.drop = true
    else if (spec.code !== '') json.error = { code: Number(spec.code), ...(spec.message && { message: spec.message }) }
    if (spec.delay !== '') json.delay = Number(spec.delay)
    try {
      const reply = await admin(withQuery('/__mock/faults', { key: appKey }), { method: 'POST', json })
      say(`Fault ${reply.response.faults[0].id} added.`)
    } catch (error) {
      say(error.message, true)
    }
    refresh()
  }
  const clear = async () => {
    const reply = await admin(withQuery('/__mock/faults', { key: appKey }), { method: 'DELETE' })
    say(`${reply.meta.count} faults removed.`)
    refresh()
  }
  return html`<${ErrorLine} error=${faults.error} />
    ${list.length === 0
      ? html`<p>No fault waiting for ${appKey}.</p>`
      : html`<${Table} caption=${`Faults of ${appKey}`} head=${['id', 'method_name', 'path', 'remaining', 'acts', 'expires_at']}>
          ${list.map(
            (fault) => html`<tr key=${fault.id}>
              <td>${fault.id}</td><${Cell} value=${fault.method_name} /><${Cell} value=${fault.path} /><td>${fault.remaining}</td>
              <${Cell} value=${[fault.error && `${fault.error.code} ${fault.error.message}`, fault.delay !== undefined && `delay ${fault.delay} ms`, fault.drop && 'drop'].filter(Boolean).join(', ')} />
              <${Cell} value=${fault.expires_at} />
            </tr>`,
          )}
        <//>`}
    <form class="fault" onSubmit=${add}>
      <fieldset>
        <legend>Add a fault for ${appKey}</legend>
        <label>method_name <input required value=${spec.method_name} placeholder="e.g. loginUser" onInput=${set('method_name')} /></label>
        <label>times <input type="number" min="1" required value=${spec.times} onInput=${set('times')} /></label>
        <label>error code <input type="number" min="400" max="599" value=${spec.code} disabled=${spec.drop} onInput=${set('code')} /></label>
        <label>message <input value=${spec.message} placeholder="default: Injected fault." disabled=${spec.drop} onInput=${set('message')} /></label>
        <label>delay (ms) <input type="number" min="0" max="60000" value=${spec.delay} onInput=${set('delay')} /></label>
        <label class="check"><input type="checkbox" checked=${spec.drop} onChange=${set('drop')} /> drop the connection</label>
        <button type="submit">Add the fault</button>
      </fieldset>
    </form>
    <button type="button" onClick=${clear} disabled=${list.length === 0}>Clear the faults of ${appKey}</button>`
}

function Snapshots({ appKey, poll, refresh, say }) {
  const snapshots = usePoll(() => admin('/__mock/snapshots'), [], poll)
  const [name, setName] = useState('')
  const list = snapshots.data ? snapshots.data.response.snapshots : []
  const act = async (path, message) => {
    try {
      await admin(withQuery(path, { key: appKey }), { method: 'POST' })
      say(message)
    } catch (error) {
      say(error.message, true)
    }
    refresh()
  }
  const take = (event) => {
    event.preventDefault()
    act(`/__mock/snapshots/${encodeURIComponent(name)}`, `Snapshot "${name}" of ${appKey} taken.`)
  }
  const forget = async (snapshot) => {
    await admin(withQuery(`/__mock/snapshots/${encodeURIComponent(snapshot)}`, { key: appKey }), { method: 'DELETE' }).catch((error) => say(error.message, true))
    say(`Snapshot "${snapshot}" of ${appKey} forgotten.`)
    refresh()
  }
  return html`<${ErrorLine} error=${snapshots.error} />
    <form class="filter" onSubmit=${take}>
      <label>Snapshot name <input required value=${name} placeholder="e.g. before-login" onInput=${(event) => setName(event.currentTarget.value)} /></label>
      <button type="submit">Take a snapshot of ${appKey}</button>
    </form>
    ${list.length === 0
      ? html`<p>No snapshot taken.</p>`
      : html`<${Table} caption="Snapshots" head=${['name', 'keys', 'actions']}>
          ${list.map(
            (snapshot) => html`<tr key=${snapshot.name}>
              <td>${snapshot.name}</td><td>${snapshot.allKeys ? 'every key' : snapshot.keys.join(', ')}</td>
              <td class="actions">${snapshot.allKeys || snapshot.keys.includes(appKey)
                ? html`<button type="button" onClick=${() => act(`/__mock/snapshots/${encodeURIComponent(snapshot.name)}/restore`, `Snapshot "${snapshot.name}" restored into ${appKey}.`)}>
                    Restore "${snapshot.name}" into ${appKey}</button>
                  <button type="button" onClick=${() => forget(snapshot.name)}>Forget ${appKey}'s part</button>`
                : ''}</td>
            </tr>`,
          )}
        <//>`}`
}

function ClockView({ clock, refresh, say }) {
  const [by, setBy] = useState('1h')
  const [iso, setIso] = useState('')
  const move = async (json) => {
    try {
      const reply = await admin('/__mock/clock', { method: 'POST', json })
      say(`Clock: ${reply.response.clock.now}${reply.response.clock.frozen ? ', frozen' : ''}.`)
    } catch (error) {
      say(error.message, true)
    }
    refresh()
  }
  return html`<p>The server's clock (every app key shares it): <strong>${clock ? clock.now : '…'}</strong>${clock && clock.frozen ? ' (frozen)' : ' (running)'}</p>
    <div class="buttons">
      ${clock && clock.frozen
        ? html`<button type="button" onClick=${() => move({ action: 'unfreeze' })}>Unfreeze the clock</button>`
        : html`<button type="button" onClick=${() => move({ action: 'freeze' })}>Freeze the clock</button>`}
    </div>
    <form class="filter" onSubmit=${(event) => { event.preventDefault(); move({ action: 'advance', by }) }}>
      <label>Advance by <input required value=${by} placeholder="e.g. 25h, 30m, 2 days" onInput=${(event) => setBy(event.currentTarget.value)} /></label>
      <button type="submit">Advance the clock</button>
    </form>
    <form class="filter" onSubmit=${(event) => { event.preventDefault(); move({ action: 'set', iso }) }}>
      <label>Set to <input required value=${iso} placeholder="e.g. 2030-01-01T00:00:00Z" onInput=${(event) => setIso(event.currentTarget.value)} /></label>
      <button type="submit">Set the clock</button>
    </form>`
}

const TABS = ['Collections', 'Sessions', 'Mails', 'Pushes', 'Journal', 'Faults', 'Snapshots', 'Clock']

/** The key and tab in the address's fragment (`#key=K&tab=Journal`), so a view can be linked to. */
function fromHash() {
  const params = new URLSearchParams(location.hash.slice(1))
  const tab = params.get('tab')
  return { key: params.get('key') || undefined, tab: TABS.includes(tab) ? tab : TABS[0] }
}

function Tabs({ tab, setTab }) {
  const keyDown = (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key]
    if (step === undefined) return
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]
    setTab(next)
    document.getElementById(`tab-${next}`).focus()
  }
  return html`<div role="tablist" aria-label="Views" class="tabs" onKeyDown=${keyDown}>
    ${TABS.map(
      (name) => html`<button type="button" role="tab" id=${`tab-${name}`} aria-selected=${name === tab ? 'true' : 'false'}
        aria-controls="panel" tabindex=${name === tab ? 0 : -1} onClick=${() => setTab(name)}>${name}</button>`,
    )}
  </div>`
}

function App() {
  const initial = fromHash()
  const [chosenKey, setChosenKey] = useState(initial.key)
  const [tab, setTab] = useState(initial.tab)
  const [live, setLive] = useState(true)
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState(undefined)
  const refresh = () => setVersion((value) => value + 1)
  const say = (text, failed = false) => setMessage({ text, failed })
  const poll = { live, version }
  const keys = usePoll(() => admin('/__mock/keys'), [], poll)
  const clock = usePoll(() => admin('/__mock/clock'), [], poll)
  const summaries = keys.data ? keys.data.response.keys : []
  const appKey = chosenKey !== undefined && summaries.some((each) => each.key === chosenKey) ? chosenKey : summaries[0] && summaries[0].key
  const summary = summaries.find((each) => each.key === appKey)
  const sessions = usePoll(() => (appKey === undefined ? Promise.resolve(undefined) : admin(withQuery('/__mock/sessions', { key: appKey }))), [appKey], poll)
  useEffect(() => {
    history.replaceState(null, '', `#${new URLSearchParams({ ...(appKey && { key: appKey }), tab })}`)
  }, [appKey, tab])
  useEffect(() => {
    const follow = () => {
      const { key, tab: linked } = fromHash()
      if (key !== undefined) setChosenKey(key)
      setTab(linked)
    }
    addEventListener('hashchange', follow)
    return () => removeEventListener('hashchange', follow)
  }, [])
  const reset = async () => {
    await admin(withQuery('/__mock/reset', { key: appKey }), { method: 'POST' }).then(() => say(`${appKey} reset to its fixture.`), (error) => say(error.message, true))
    refresh()
  }
  const views = { poll, refresh, say, appKey }
  const sessionList = sessions.data ? sessions.data.response.sessions : []
  const panel = {
    Collections: () => html`<${Collections} ...${views} summary=${summary} sessions=${sessionList} />`,
    Sessions: () => html`<${Sessions} sessions=${sessionList} />`,
    Mails: () => html`<${Mails} ...${views} />`,
    Pushes: () => html`<${Pushes} ...${views} />`,
    Journal: () => html`<${Journal} ...${views} />`,
    Faults: () => html`<${Faults} ...${views} />`,
    Snapshots: () => html`<${Snapshots} ...${views} />`,
    Clock: () => html`<${ClockView} ...${views} clock=${clock.data && clock.data.response.clock} />`,
  }[tab]
  return html`<header>
      <h1>mock-cloud</h1>
      <label>App key
        <select value=${appKey} onChange=${(event) => setChosenKey(event.currentTarget.value)} disabled=${summaries.length === 0}>
          ${summaries.map((each) => html`<option value=${each.key}>${each.key}</option>`)}
        </select>
      </label>
      <span class="clock" aria-label="Server clock">${clock.data ? clock.data.response.clock.now : ''}${clock.data && clock.data.response.clock.frozen ? ' (frozen)' : ''}</span>
      <label class="check"><input type="checkbox" checked=${live} onChange=${(event) => setLive(event.currentTarget.checked)} /> Live</label>
      <button type="button" onClick=${refresh}>Refresh</button>
    </header>
    <${ErrorLine} error=${keys.error} />
    <p role="status" class=${message && message.failed ? 'error' : 'ok'}>${message ? message.text : ''}</p>
    ${appKey === undefined
      ? html`<main><p>No app key used yet: the data set of a key appears with its first call (<code>/v1/...?key=K</code>).</p></main>`
      : html`<div class="key-actions">
            <button type="button" onClick=${reset}>Reset ${appKey}</button>
            <a class="button" href=${withQuery('/__mock/data', { key: appKey, pretty_json: 'true' })} download=${`${appKey}.json`}>Export ${appKey}</a>
          </div>
          <${Tabs} tab=${tab} setTab=${setTab} />
          <main id="panel" role="tabpanel" aria-labelledby=${`tab-${tab}`} tabindex="0">${panel()}</main>`}`
}

render(html`<${App} />`, document.getElementById('app'))
