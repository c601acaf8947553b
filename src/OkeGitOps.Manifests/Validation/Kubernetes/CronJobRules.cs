using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// CronJob (batch/v1) as the API server checks it on create: a schedule in <see cref="CronSchedule"/> syntax without
/// <c>TZ=</c> or <c>CRON_TZ=</c> (the server refuses those; the <c>timeZone</c> field says it instead), a
/// <c>timeZone</c> that names an IANA zone (not <c>Local</c>), a known <c>concurrencyPolicy</c>, history limits and
/// deadline not negative, and a job template that passes the Job rules.
/// </summary>
/// <remarks>
/// The server loads the time zone from its own database; here the name's shape is checked (<c>Area/Location</c>,
/// or <c>UTC</c>), so a zone from a newer database than the server's is not caught.
/// </remarks>
internal static class CronJobRules
{
    private static readonly string[] ConcurrencyPolicies = ["Allow", "Forbid", "Replace"];

    public static void Check(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec)
        {
            FieldChecks.Require(root, "spec", ctx, "a CronJob needs a schedule and a job template", "add spec.schedule and spec.jobTemplate");
            return;
        }
        ctx.Push("spec");
        if (FieldChecks.Text(spec, "schedule") is { } schedule)
        {
            if (schedule.Value.Contains("TZ", StringComparison.Ordinal))
            {
                var rest = schedule.Value.Trim();
                var space = rest.IndexOf(' ');
                var zone = rest.StartsWith("CRON_TZ=", StringComparison.Ordinal) || rest.StartsWith("TZ=", StringComparison.Ordinal)
                    ? rest[(rest.IndexOf('=') + 1)..(space < 0 ? rest.Length : space)] : null;
                FieldChecks.ErrorAt(ctx, "schedule", ValidationRules.CronSchedule, "TZ= and CRON_TZ= are not allowed in the schedule", schedule,
                    zone is { Length: > 0 } && space > 0 ? $"write schedule: \"{rest[(space + 1)..].Trim()}\" and timeZone: {zone}" : "move the zone to spec.timeZone");
            }
            else if (CronSchedule.Problem(schedule.Value) is { } problem)
            {
                FieldChecks.ErrorAt(ctx, "schedule", ValidationRules.CronSchedule, $"{SchemaWalker.Quote(schedule.Value)} is not a valid schedule: {problem}", schedule,
                    "e.g. \"*/15 * * * *\" (every 15 minutes) or \"0 3 * * 1-5\" (03:00 on weekdays)");
            }
        }
        else
        {
            FieldChecks.Require(spec, "schedule", ctx, "a CronJob needs a schedule", "add schedule: \"0 * * * *\"");
        }
        if (FieldChecks.Text(spec, "timeZone") is { } timeZone && TimeZoneProblem(timeZone.Value) is { } zoneProblem)
            FieldChecks.ErrorAt(ctx, "timeZone", ValidationRules.CronTimeZone, $"{SchemaWalker.Quote(timeZone.Value)} is not a time zone name: {zoneProblem}", timeZone,
                "use an IANA name such as Europe/Berlin, America/New_York or Etc/UTC");
        FieldChecks.Choice(spec, "concurrencyPolicy", ValidationRules.JobSpec, ConcurrencyPolicies, ctx, "concurrencyPolicy");
        FieldChecks.NonNegative(spec, "startingDeadlineSeconds", ctx);
        FieldChecks.NonNegative(spec, "successfulJobsHistoryLimit", ctx);
        FieldChecks.NonNegative(spec, "failedJobsHistoryLimit", ctx);
        if (FieldChecks.Map(spec, "jobTemplate") is { } jobTemplate)
        {
            ctx.Push("jobTemplate");
            if (FieldChecks.Map(jobTemplate, "spec") is { } jobSpec)
            {
                ctx.Push("spec");
                WorkloadRules.CheckJobSpec(jobSpec, ctx);
                ctx.Pop();
            }
            else FieldChecks.Require(jobTemplate, "spec", ctx, "a job template needs a spec with a pod template", "add spec.template");
            ctx.Pop();
        }
        else
        {
            FieldChecks.Require(spec, "jobTemplate", ctx, "a CronJob needs a job template", "add jobTemplate: {spec: {template: ...}}");
        }
        ctx.Pop();
    }

    /// <summary>Why a name is not an IANA time zone name, or <c>null</c>.</summary>
    public static string? TimeZoneProblem(string zone)
    {
        if (zone.Length == 0) return "it is empty";
        if (string.Equals(zone, "Local", StringComparison.OrdinalIgnoreCase)) return "Local is not allowed; name the zone explicitly";
        if (zone.StartsWith('/') || zone.EndsWith('/') || zone.Contains("//", StringComparison.Ordinal) || zone.Contains("..", StringComparison.Ordinal))
            return "it is not of the form Area/Location";
        foreach (var c in zone)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or '_' or '-' or '+')) return $"'{c}' does not occur in time zone names";
        }
        if (!char.IsAsciiLetterUpper(zone[0])) return "time zone names start with a capital letter, e.g. Europe/Berlin";
        if (!zone.Contains('/') && zone is not ("UTC" or "GMT" or "UCT" or "Zulu" or "Universal" or "Greenwich" or "EST" or "MST" or "HST" or "EST5EDT" or "CST6CDT" or "MST7MDT" or "PST8PDT" or "CET" or "EET" or "MET" or "WET"))
            return "it is not of the form Area/Location";
        return null;
    }
}
