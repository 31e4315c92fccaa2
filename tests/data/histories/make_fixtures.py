#!/usr/bin/env python3
"""Writes our own execution-history fixtures, following the event semantics of the AWS Step Functions
documentation (HistoryEvent, previousEventId chains, Map iteration and Parallel branch events).

Run from this folder: python3 make_fixtures.py [--sample ../../../resources/samples/order-processing-failed.history.json]
The outputs are committed; the script documents how they were made.
"""
import datetime
import json
import sys

LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke"


def details_key(event_type):
    if event_type.endswith("StateEntered"):
        return "stateEnteredEventDetails"
    if event_type.endswith("StateExited"):
        return "stateExitedEventDetails"
    return event_type[0].lower() + event_type[1:] + "EventDetails"


class History:
    def __init__(self, start="2025-03-14T09:00:00.000Z"):
        self.events = []
        self.time = datetime.datetime.fromisoformat(start.replace("Z", "+00:00"))

    def add(self, event_type, prev, details=None, after_ms=7):
        self.time += datetime.timedelta(milliseconds=after_ms)
        event = {
            "timestamp": self.time.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "type": event_type,
            "id": len(self.events) + 1,
            "previousEventId": prev,
        }
        if details is not None:
            event[details_key(event_type)] = details
        self.events.append(event)
        return event["id"]

    def start(self, payload):
        return self.add("ExecutionStarted", 0, {"input": js(payload), "inputDetails": {"truncated": False},
                                                "roleArn": "arn:aws:iam::123456789012:role/StepFunctionsRole"}, 0)

    def enter(self, kind, name, prev, payload):
        return self.add(kind + "StateEntered", prev, {"name": name, "input": js(payload),
                                                       "inputDetails": {"truncated": False}})

    def exit(self, kind, name, prev, payload, after_ms=7, assigned=None):
        details = {"name": name, "output": js(payload), "outputDetails": {"truncated": False}}
        if assigned is not None:
            details["assignedVariables"] = {k: json.dumps(v) for k, v in assigned.items()}
            details["assignedVariablesDetails"] = {"truncated": False}
        return self.add(kind + "StateExited", prev, details, after_ms)

    def lambda_task(self, prev, function, payload, outcome, after_ms=40, wait_ms=7):
        """Scheduled / Started / Succeeded or Failed of an optimised Lambda integration; returns the last id."""
        prev = self.add("TaskScheduled", prev, {
            "resourceType": "lambda", "resource": "invoke", "region": "eu-west-1",
            "parameters": json.dumps({"FunctionName": function, "Payload": payload}, separators=(",", ":"))}, wait_ms)
        prev = self.add("TaskStarted", prev, {"resourceType": "lambda", "resource": "invoke"})
        if outcome[0] == "ok":
            return self.add("TaskSucceeded", prev, {"resourceType": "lambda", "resource": "invoke",
                                                     "output": js({"StatusCode": 200, "Payload": outcome[1]}),
                                                     "outputDetails": {"truncated": False}}, after_ms)
        return self.add("TaskFailed", prev, {"resourceType": "lambda", "resource": "invoke",
                                              "error": outcome[1], "cause": outcome[2]}, after_ms)

    def write(self, path, extra=None):
        doc = {"events": self.events}
        with open(path, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")


def js(value):
    return json.dumps(value, separators=(",", ":"))


def lambda_cause(error_type, message, frames):
    return js({"errorType": error_type, "errorMessage": message, "trace": [], "stackTrace": frames,
               "requestId": "0f3c2a1e-6b1d-4c55-9e57-1f0c8b7a9d11"})


def retry_then_success():
    h = History()
    s = h.start({"orderId": "o-1"})
    e = h.enter("Task", "CallApi", s, {"orderId": "o-1"})
    f = h.lambda_task(e, "arn:aws:lambda:eu-west-1:123456789012:function:call-api", {"orderId": "o-1"},
                      ("fail", "Lambda.TooManyRequestsException", lambda_cause(
                          "TooManyRequestsException", "Rate exceeded", [])))
    ok = h.lambda_task(f, "arn:aws:lambda:eu-west-1:123456789012:function:call-api", {"orderId": "o-1"},
                       ("ok", {"status": "done"}))
    x = h.exit("Task", "CallApi", ok, {"status": "done"})
    h.add("ExecutionSucceeded", x, {"output": js({"status": "done"}), "outputDetails": {"truncated": False}})
    h.write("retry-then-success.json")


def retries_exhausted_catch():
    h = History()
    s = h.start({"card": "4242"})
    e = h.enter("Task", "Charge", s, {"card": "4242"})
    prev = e
    for attempt in range(3):
        prev = h.lambda_task(prev, "charge", {"card": "4242"},
                             ("fail", "PaymentGatewayTimeout", "The gateway did not answer within 10 seconds"),
                             after_ms=10000, wait_ms=1000 * (2 ** attempt) if attempt else 7)
    x = h.exit("Task", "Charge", prev, {"card": "4242", "error": {"Error": "PaymentGatewayTimeout"}})
    n = h.enter("Pass", "NotifyFailure", x, {"card": "4242"})
    n = h.exit("Pass", "NotifyFailure", n, {"notified": True})
    h.add("ExecutionSucceeded", n, {"output": js({"notified": True}), "outputDetails": {"truncated": False}})
    h.write("retries-exhausted-catch.json")


def parallel_branch_fails():
    h = History()
    s = h.start({"id": 7})
    p = h.enter("Parallel", "Fanout", s, {"id": 7})
    ps = h.add("ParallelStateStarted", p)
    a = h.enter("Task", "A1", ps, {"id": 7})
    b = h.enter("Task", "B1", ps, {"id": 7})
    c = h.enter("Wait", "C1", ps, {"id": 7})
    a = h.lambda_task(a, "a", {"id": 7}, ("ok", {"a": 1}))
    a = h.exit("Task", "A1", a, {"a": 1})
    b = h.lambda_task(b, "b", {"id": 7}, ("fail", "BoomError", lambda_cause(
        "BoomError", "b exploded", ["  File \"/var/task/b.py\", line 3, in handler\n    raise BoomError()\n"])))
    f = h.add("ParallelStateFailed", b, {"error": "BoomError", "cause": "b exploded"})
    c = h.add("WaitStateAborted", c)
    h.add("ExecutionFailed", f, {"error": "BoomError", "cause": "b exploded"})
    h.write("parallel-branch-fails.json")


def distributed_map():
    h = History()
    s = h.start({"bucket": "orders"})
    m = h.enter("Map", "ProcessFiles", s, {"bucket": "orders"})
    ms = h.add("MapStateStarted", m, {"length": 0})
    mr = h.add("MapRunStarted", ms, {"mapRunArn": "arn:aws:states:eu-west-1:123456789012:mapRun:orders/ProcessFiles:"
                                                 "1f0c8b7a-9d11-4c55-9e57-0f3c2a1e6b1d"})
    f = h.add("MapRunFailed", mr, {"error": "States.ExceedToleratedFailureThreshold",
                                   "cause": "The specified tolerated failure threshold was exceeded"}, 60000)
    mf = h.add("MapStateFailed", f)
    h.add("ExecutionFailed", mf, {"error": "States.ExceedToleratedFailureThreshold",
                                  "cause": "The specified tolerated failure threshold was exceeded"})
    h.write("distributed-map.json")


def map_in_parallel():
    h = History()
    s = h.start({"items": [1, 2]})
    p = h.enter("Parallel", "Outer", s, {"items": [1, 2]})
    ps = h.add("ParallelStateStarted", p)
    m = h.enter("Map", "Items", ps, {"items": [1, 2]})
    o = h.enter("Pass", "Other", ps, {"items": [1, 2]})
    o = h.exit("Pass", "Other", o, {"other": True})
    ms = h.add("MapStateStarted", m, {"length": 2})
    last = ms
    for index in range(2):
        it = h.add("MapIterationStarted", ms, {"name": "Items", "index": index})
        e = h.enter("Pass", "Double", it, index + 1)
        x = h.exit("Pass", "Double", e, 2 * (index + 1))
        last = h.add("MapIterationSucceeded", x, {"name": "Items", "index": index})
    mok = h.add("MapStateSucceeded", last)
    mx = h.exit("Map", "Items", mok, [2, 4])
    pok = h.add("ParallelStateSucceeded", mx)
    px = h.exit("Parallel", "Outer", pok, [[2, 4], {"other": True}])
    h.add("ExecutionSucceeded", px, {"output": js([[2, 4], {"other": True}]), "outputDetails": {"truncated": False}})
    h.write("map-in-parallel.json")


def state_timeout():
    h = History()
    s = h.start({})
    e = h.enter("Task", "SlowJob", s, {})
    sch = h.add("TaskScheduled", e, {"resourceType": "batch", "resource": "submitJob.sync", "region": "eu-west-1",
                                     "parameters": js({"JobName": "slow"}), "timeoutInSeconds": 30})
    st = h.add("TaskStarted", sch, {"resourceType": "batch", "resource": "submitJob.sync"})
    t = h.add("TaskTimedOut", st, {"resourceType": "batch", "resource": "submitJob.sync", "error": "States.Timeout",
                                   "cause": "Task timed out after 30 seconds"}, 30000)
    h.add("ExecutionFailed", t, {"error": "States.Timeout", "cause": "Task timed out after 30 seconds"})
    h.write("state-timeout.json")


def heartbeat_timeout():
    h = History()
    s = h.start({"job": 1})
    e = h.enter("Task", "WaitForWorker", s, {"job": 1})
    sch = h.add("ActivityScheduled", e, {"resource": "arn:aws:states:eu-west-1:123456789012:activity:render",
                                         "input": js({"job": 1}), "inputDetails": {"truncated": False},
                                         "timeoutInSeconds": 3600, "heartbeatInSeconds": 60})
    st = h.add("ActivityStarted", sch, {"workerName": "render-worker-3"})
    t = h.add("ActivityTimedOut", st, {"error": "States.HeartbeatTimeout",
                                       "cause": "No heartbeat for 60 seconds"}, 60000)
    h.add("ExecutionFailed", t, {"error": "States.HeartbeatTimeout", "cause": "No heartbeat for 60 seconds"})
    h.write("heartbeat-timeout.json")


def execution_timeout():
    h = History()
    s = h.start({})
    w = h.enter("Wait", "WaitForApproval", s, {})
    h.add("ExecutionTimedOut", w, {"error": "States.Timeout", "cause": "The execution timed out"}, 300000)
    h.write("execution-timeout.json")


def activity_success():
    h = History()
    s = h.start({"doc": "a.pdf"})
    e = h.enter("Task", "Render", s, {"doc": "a.pdf"})
    sch = h.add("ActivityScheduled", e, {"resource": "arn:aws:states:eu-west-1:123456789012:activity:render",
                                         "input": js({"doc": "a.pdf"}), "inputDetails": {"truncated": False},
                                         "timeoutInSeconds": 3600, "heartbeatInSeconds": 60})
    st = h.add("ActivityStarted", sch, {"workerName": "render-worker-1"})
    ok = h.add("ActivitySucceeded", st, {"output": js({"pages": 3}), "outputDetails": {"truncated": False}}, 2500)
    x = h.exit("Task", "Render", ok, {"pages": 3})
    h.add("ExecutionSucceeded", x, {"output": js({"pages": 3}), "outputDetails": {"truncated": False}})
    h.write("activity.json")


def aborted():
    h = History()
    s = h.start({})
    w = h.enter("Wait", "Hold", s, {})
    a = h.add("WaitStateAborted", w, None, 5000)
    h.add("ExecutionAborted", a, {"error": "Stopped", "cause": "Stopped by operator"})
    h.write("aborted.json")


def redrive():
    h = History()
    s = h.start({"n": 1})
    e = h.enter("Task", "Flaky", s, {"n": 1})
    f = h.lambda_task(e, "flaky", {"n": 1}, ("fail", "DownstreamUnavailable", "503 from inventory"))
    ef = h.add("ExecutionFailed", f, {"error": "DownstreamUnavailable", "cause": "503 from inventory"})
    r = h.add("ExecutionRedriven", ef, {"redriveCount": 1}, 3600000)
    e = h.enter("Task", "Flaky", r, {"n": 1})
    ok = h.lambda_task(e, "flaky", {"n": 1}, ("ok", {"n": 2}))
    x = h.exit("Task", "Flaky", ok, {"n": 2})
    h.add("ExecutionSucceeded", x, {"output": js({"n": 2}), "outputDetails": {"truncated": False}})
    h.write("redrive.json")


def jsonata_evaluation_failed():
    h = History()
    s = h.start({"price": 3})
    e = h.enter("Pass", "Compute", s, {"price": 3})
    x = h.exit("Pass", "Compute", e, {"price": 3}, assigned={"total": 9})
    e = h.enter("Task", "Transform", x, {"price": 3})
    cause = ("An error occurred while executing the state 'Transform' (entered at the event id #4). The JSONata "
             "expression '$missing.value' specified for the field 'Arguments' returned nothing (undefined).")
    f = h.add("EvaluationFailed", e, {"error": "States.QueryEvaluationError", "cause": cause, "location": "Arguments",
                                      "state": "Transform"})
    h.add("ExecutionFailed", f, {"error": "States.QueryEvaluationError", "cause": cause})
    h.write("jsonata-evaluation-failed.json")


def order_processing_sample(path):
    """The sample for resources/samples/order-processing.asl.json: the card of line item 17 is declined."""
    h = History("2025-03-14T09:41:07.218Z")
    order = {"orderId": "ORD-20250314-0042", "customer": {"id": "C-1009", "email": "ana@example.com",
                                                          "verified": True},
             "total": 412.5, "inventory": {"status": "IN_STOCK"},
             "lines": [{"line": i, "sku": "SKU-%04d" % (1000 + i), "quantity": 1 + i % 3,
                        "amount": round(5 + i * 1.75, 2), "card": "tok_visa_4242"} for i in range(20)]}
    s = h.start(order)
    e = h.enter("Task", "ValidateOrder", s, order)
    validate = "arn:aws:lambda:eu-west-1:123456789012:function:validate-order"
    f = h.lambda_task(e, validate, order, ("fail", "Lambda.TooManyRequestsException", js({
        "errorType": "TooManyRequestsException", "errorMessage": "Rate Exceeded.",
        "stackTrace": []})), after_ms=30)
    ok = h.lambda_task(f, validate, order, ("ok", order), after_ms=210, wait_ms=2000)
    x = h.exit("Task", "ValidateOrder", ok, order)
    c = h.enter("Choice", "CheckInventory", x, order)
    c = h.exit("Choice", "CheckInventory", c, order)
    m = h.enter("Map", "ProcessOrders", c, order)
    ms = h.add("MapStateStarted", m, {"length": len(order["lines"])})
    charge = "arn:aws:lambda:eu-west-1:123456789012:function:charge-card"
    declined = lambda_cause("PaymentDeclined", "Card tok_visa_4242 was declined: insufficient authorisation "
                            "(issuer code 05) for line 17 of order ORD-20250314-0042",
                            ["  File \"/var/task/charge.py\", line 88, in handler\n"
                             "    result = gateway.charge(item[\"card\"], item[\"amount\"])\n",
                             "  File \"/var/task/gateway.py\", line 41, in charge\n"
                             "    raise PaymentDeclined(response.message)\n"])
    last = ms
    failed_iteration = None
    # MaxConcurrency 5 in the definition; iterations run one after the other here, each chained from the Map start.
    for index, line in enumerate(order["lines"][:19]):
        it = h.add("MapIterationStarted", ms, {"name": "ProcessOrders", "index": index})
        r = h.enter("Task", "ReserveItem", it, line)
        r = h.add("TaskScheduled", r, {"resourceType": "dynamodb", "resource": "updateItem", "region": "eu-west-1",
                                       "parameters": js({"TableName": "inventory", "Key": {"sku": {"S": line["sku"]}},
                                                         "UpdateExpression": "SET reserved = reserved + :q",
                                                         "ExpressionAttributeValues": {
                                                             ":q": {"N": str(line["quantity"])}}})})
        r = h.add("TaskStarted", r, {"resourceType": "dynamodb", "resource": "updateItem"})
        r = h.add("TaskSucceeded", r, {"resourceType": "dynamodb", "resource": "updateItem",
                                       "output": js({}), "outputDetails": {"truncated": False}}, 20)
        r = h.exit("Task", "ReserveItem", r, line)
        cc = h.enter("Task", "ChargeCard", r, line)
        if index == 17:
            cc = h.lambda_task(cc, charge, line, ("fail", "PaymentGatewayTimeout", lambda_cause(
                "PaymentGatewayTimeout", "The payment gateway did not answer within 10 s", [])), after_ms=10000)
            cc = h.lambda_task(cc, charge, line, ("fail", "PaymentDeclined", declined), after_ms=900, wait_ms=1000)
            failed_iteration = h.add("MapIterationFailed", cc, {"name": "ProcessOrders", "index": index})
            break
        cc = h.lambda_task(cc, charge, line, ("ok", {"charged": line["amount"], "receipt": "r-%d" % index}))
        cc = h.exit("Task", "ChargeCard", cc, {"StatusCode": 200, "Payload": {"charged": line["amount"]}})
        last = h.add("MapIterationSucceeded", cc, {"name": "ProcessOrders", "index": index})
    # The Map fails on the first failed iteration; iteration 18 was still running and is aborted.
    aborted_it = h.add("MapIterationStarted", ms, {"name": "ProcessOrders", "index": 18})
    r = h.enter("Task", "ReserveItem", aborted_it, order["lines"][18])
    r = h.add("TaskScheduled", r, {"resourceType": "dynamodb", "resource": "updateItem", "region": "eu-west-1",
                                   "parameters": js({"TableName": "inventory",
                                                     "Key": {"sku": {"S": order["lines"][18]["sku"]}}})})
    mf = h.add("MapStateFailed", failed_iteration)
    h.add("TaskStateAborted", r)
    h.add("MapIterationAborted", r, {"name": "ProcessOrders", "index": 18})
    failure = {"Error": "PaymentDeclined", "Cause": declined}
    mx = h.exit("Map", "ProcessOrders", mf, dict(order, failure=failure))
    pf = h.enter("Fail", "PaymentFailed", mx, dict(order, failure=failure))
    h.add("ExecutionFailed", pf, {"error": "PaymentDeclined", "cause": declined})
    h.write(path)


if __name__ == "__main__":
    retry_then_success()
    retries_exhausted_catch()
    parallel_branch_fails()
    distributed_map()
    map_in_parallel()
    state_timeout()
    heartbeat_timeout()
    execution_timeout()
    activity_success()
    aborted()
    redrive()
    jsonata_evaluation_failed()
    if len(sys.argv) > 2 and sys.argv[1] == "--sample":
        order_processing_sample(sys.argv[2])
