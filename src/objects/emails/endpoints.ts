import type { Endpoint } from '../../engine/object.js'
import type { EmailsService } from './service.js'

/**
 * The Emails endpoints (docs/emails.md "Endpoints"): the send under `custom_mailer`, the
 * templates under `email_templates`, with the verbs the clients send. `email_templatesCount` is
 * the real service's; the other method names are mock-cloud's own.
 */
export const emailsEndpoints: readonly Endpoint<EmailsService>[] = [
  {
    path: 'custom_mailer/email_from_template',
    method_name: 'emailFromTemplate',
    verbs: ['POST'],
    call: ({ service, params, caller }) => service.send(params, caller),
  },
  { path: 'email_templates/count', method_name: 'email_templatesCount', verbs: ['GET'], call: ({ service }) => service.count() },
  {
    path: 'email_templates/create',
    method_name: 'createEmailTemplate',
    verbs: ['POST'],
    call: ({ service, params, caller }) => service.create(params, caller),
  },
  {
    path: 'email_templates/update',
    method_name: 'updateEmailTemplate',
    verbs: ['PUT', 'POST'],
    call: ({ service, params, caller }) => service.update(params, caller),
  },
  { path: 'email_templates/show', method_name: 'showEmailTemplate', verbs: ['GET'], call: ({ service, params, caller }) => service.show(params, caller) },
  {
    path: 'email_templates/delete',
    method_name: 'deleteEmailTemplate',
    verbs: ['DELETE'],
    call: ({ service, params, caller }) => service.delete(params, caller),
  },
  { path: 'email_templates/query', method_name: 'queryEmailTemplates', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
]
