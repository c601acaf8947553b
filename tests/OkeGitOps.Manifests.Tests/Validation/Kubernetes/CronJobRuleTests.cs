using OkeGitOps.Manifests.Validation.Kubernetes;
using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class CronJobRuleTests
{
    private static string CronJob(string spec)
        => $"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n{Indent(spec, 2)}\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{{name: backup, image: backup:1}}]\n          restartPolicy: OnFailure\n";

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 3 * * 1-5")]
    [InlineData("0 0 1 jan,jul *")]
    [InlineData("30 2 * * SUN")]
    [InlineData("0 0-23/2 * * *")]
    [InlineData("5 4 ? * mon-fri")]
    [InlineData("@hourly")]
    [InlineData("@midnight")]
    [InlineData("@every 1h30m")]
    public void Schedules_the_controller_reads_are_accepted(string schedule)
        => Assert.Null(CronSchedule.Problem(schedule));

    [Theory]
    [InlineData("* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), found 4")]
    [InlineData("0 * * * * *", "expected 5 fields (minute hour day-of-month month day-of-week), found 6: a seconds field is not supported")]
    [InlineData("60 * * * *", "minute field \"60\": 60 is out of range 0-59")]
    [InlineData("0 24 * * *", "hour field \"24\": 24 is out of range 0-23")]
    [InlineData("0 0 0 * *", "day of month field \"0\": 0 is out of range 1-31")]
    [InlineData("0 0 * 13 *", "month field \"13\": 13 is out of range 1-12")]
    [InlineData("0 0 * * 7", "day of week field \"7\": 7 is out of range 0-6")]
    [InlineData("0 0 * * mon-sunday", "day of week field \"mon-sunday\": \"sunday\" is not a number or name in range 0-6")]
    [InlineData("*/0 * * * *", "minute field \"*/0\": a step must be a positive number")]
    [InlineData("5-1 * * * *", "minute field \"5-1\": the range 5-1 starts after it ends")]
    [InlineData("0,,5 * * * *", "minute field \"0,,5\": an empty list item")]
    [InlineData("@hourlly", "unknown descriptor @hourlly (did you mean @hourly?): use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>")]
    [InlineData("@every 1 hour", "1 hour is not a duration such as 90s, 15m or 1h30m")]
    public void Malformed_schedules_are_refused_with_the_reason(string schedule, string problem)
        => Assert.Equal(problem, CronSchedule.Problem(schedule));

    [Fact]
    public void A_valid_cronjob_passes()
        => Same("", Findings(CronJob("schedule: \"0 3 * * *\"\ntimeZone: Europe/Berlin\nconcurrencyPolicy: Forbid")));

    [Fact]
    public void A_bad_schedule_is_reported_with_an_example()
        => Same("cron-schedule | test.yaml:6:13: error: spec.schedule: \"0 25 * * *\" is not a valid schedule: hour field \"25\": 25 is out of range 0-23 (e.g. \"*/15 * * * *\" (every 15 minutes) or \"0 3 * * 1-5\" (03:00 on weekdays))", Findings(CronJob("schedule: \"0 25 * * *\"")));

    [Fact]
    public void TZ_in_the_schedule_is_refused_in_favour_of_timeZone()
        => Same("cron-schedule | test.yaml:6:13: error: spec.schedule: TZ= and CRON_TZ= are not allowed in the schedule (write schedule: \"0 3 * * *\" and timeZone: Europe/Berlin)", Findings(CronJob("schedule: \"CRON_TZ=Europe/Berlin 0 3 * * *\"")));

    [Theory]
    [InlineData("Local", "Local is not allowed; name the zone explicitly")]
    [InlineData("europe/berlin", "time zone names start with a capital letter, e.g. Europe/Berlin")]
    [InlineData("Europe Berlin", "' ' does not occur in time zone names")]
    [InlineData("Berlin", "it is not of the form Area/Location")]
    public void The_time_zone_is_an_IANA_name(string zone, string problem)
        => Same($"cron-time-zone | test.yaml:7:13: error: spec.timeZone: \"{zone}\" is not a time zone name: {problem} (use an IANA name such as Europe/Berlin, America/New_York or Etc/UTC)",
            Findings(CronJob($"schedule: \"@daily\"\ntimeZone: {zone}")));

    [Fact]
    public void The_job_template_follows_the_job_rules()
        => Same("job-spec | test.yaml:7:22: error: spec.concurrencyPolicy: unsupported value \"forbid\" for concurrencyPolicy: must be one of \"Allow\", \"Forbid\", \"Replace\" (did you mean \"Forbid\"?)\nnegative-value | test.yaml:6:31: error: spec.successfulJobsHistoryLimit: successfulJobsHistoryLimit must not be negative, got -1 (set successfulJobsHistoryLimit to 0 or more, or leave it unset)\nrestart-policy | test.yaml:12:11: error: spec.jobTemplate.spec.template.spec: a Job's pod template needs restartPolicy OnFailure or Never (the default, Always, is refused for Jobs) (add restartPolicy: Never (or OnFailure))", Findings("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n  successfulJobsHistoryLimit: -1\n  concurrencyPolicy: forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: c}]\n"));

    [Fact]
    public void A_cronjob_needs_a_schedule_and_a_job_template()
        => Same("required | test.yaml:5:3: error: spec: missing required field \"schedule\": a CronJob needs a schedule (add schedule: \"0 * * * *\")\nrequired | test.yaml:5:3: error: spec: missing required field \"jobTemplate\": a CronJob needs a job template (add jobTemplate: {spec: {template: ...}})", Findings("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  suspend: true\n"));
}
