using Azure.Data.Tables;
using System.Globalization;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Deadlines;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// Deadlines: one partition per EN, row keys starting with the due date (yyyyMMdd), so "what is due for this EN
/// between two dates" is one range query. The rest of the row key is the deadline's identity (subject, rule, clock
/// start), which fixes its due date, so writing it again updates its state in place.
/// </summary>
internal sealed class TableDeadlineRepository(RecordTables tables) : IDeadlineRepository
{
    // One EN's records share its partition, so an event's changes are one entity group transaction.
    public Task UpsertAsync(IReadOnlyList<DeadlineRecord> deadlines, CancellationToken cancellationToken) =>
        tables.Deadlines.UpsertManyAsync(
            deadlines.Select(d => new RecordRow<DeadlineRecord>(TableKeys.Create(d.EnPid), Row(d), d,
                [("SubjectId", d.SubjectId), ("RuleId", d.RuleId), ("State", d.State.ToString()), ("StaffId", d.StaffId)])),
            cancellationToken);

    public async Task<IReadOnlyList<DeadlineRecord>> QueryAsync(DeadlineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var partition = TableKeys.Create(query.EnPid);
        var from = Day(query.DueFrom);
        var to = Day(query.DueTo.AddDays(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        if (query.RuleId is not null)
        {
            filter += TableClient.CreateQueryFilter($" and RuleId eq {query.RuleId}");
        }

        if (query.StaffId is not null)
        {
            filter += TableClient.CreateQueryFilter($" and StaffId eq {query.StaffId}");
        }

        if (query.State is { } state)
        {
            filter += TableClient.CreateQueryFilter($" and State eq {state.ToString()}");
        }

        return [.. (await tables.Deadlines.QueryAsync<DeadlineRecord>(filter, cancellationToken)).OrderBy(d => d.DueOn)];
    }

    public async Task<IReadOnlyList<DeadlineRecord>> ListForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken) =>
        [.. (await tables.Deadlines.QueryAsync<DeadlineRecord>(ForSubject(enPid, subjectId), cancellationToken)).OrderBy(d => d.DueOn)];

    public Task<int> DeleteForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken) =>
        tables.Deadlines.DeleteWhereAsync(ForSubject(enPid, subjectId), cancellationToken);

    private static string ForSubject(string enPid, string subjectId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Create(enPid)} and SubjectId eq {subjectId}");

    private static string Row(DeadlineRecord d) =>
        TableKeys.Create(Day(d.DueOn), d.SubjectId, d.RuleId, Day(d.ClockStartedOn));

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
