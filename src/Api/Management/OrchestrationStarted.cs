namespace TicketFlow.Api.Management;

/// <summary>
/// The answer to a request that started an orchestration, in the shape of Durable Functions' check-status response
/// (202 Accepted, Location: the status URI): the instance id and its management URIs, with the record the request
/// created beside them.
/// </summary>
/// <typeparam name="T">The created record's summary.</typeparam>
/// <param name="Id">The orchestration instance id.</param>
/// <param name="StatusQueryGetUri">GET: the instance's status (202 while it runs, 200 once done).</param>
/// <param name="SendEventPostUri">POST: where this instance's events are sent (the typed endpoint that checks them).</param>
/// <param name="TerminatePostUri">POST: terminate the instance.</param>
/// <param name="SuspendPostUri">POST: suspend the instance.</param>
/// <param name="ResumePostUri">POST: resume the instance.</param>
/// <param name="PurgeHistoryDeleteUri">DELETE: purge a finished instance's history.</param>
/// <param name="ResourceUri">GET: the created record.</param>
/// <param name="Resource">The created record's summary.</param>
public sealed record OrchestrationStarted<T>(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string SuspendPostUri,
    string ResumePostUri,
    string PurgeHistoryDeleteUri,
    string ResourceUri,
    T Resource);
