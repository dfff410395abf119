"""Push alerts to webhooks (Standard Webhooks, signed) and chat or mail channels (Apprise).

Outbox driven, so nothing is lost: `enqueue` writes one delivery per matching endpoint in the
alert's own transaction, and `deliver_due` sends what is due, retrying with backoff until each
delivery is delivered or dead. `publisher run` calls it at the end of a pass and `publisher
serve` on a schedule; `replay` sends one again on request.

    outbox.py     the tables' queries: insert, claim, record, list
    job.py        enqueue, deliver_due, replay: the loop and its retry decisions
    webhooks.py   one signed POST, judged      apprise.py   one Apprise message, judged
    payload.py    the versioned JSON payload   (publisher.netguard: no private addresses unless allowed)
    endpoints.py  endpoints from config: filters, retry schedule, redaction of secrets
"""

from publisher.deliver.job import DeliveryReport, deliver_due, enqueue, replay, replay_many

__all__ = ["DeliveryReport", "deliver_due", "enqueue", "replay", "replay_many"]
