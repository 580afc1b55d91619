using Northstar.Ingest.Demo;

namespace Northstar.Ingest.Tests.Demo;

// The numbers below are the ones docs/demo-company.md gives for the default demo (seed 42, today 2026-11-20).
public sealed class DemoDefectTests
{
    private const int DocumentedGhostAppointments = 284;
    private const int DocumentedUnbalancedCommissionJobs = 157;

    [Fact]
    public void The_default_demo_has_the_documented_number_of_ghost_appointments()
    {
        var data = DemoCompany.Generate(DemoFixtures.Default);
        var jobAppointments = data.Jobs.Select(job => job.AppointmentId).ToHashSet();

        var ghosts = data.Appointments.Count(appointment => appointment.Outcome == "sold" && !jobAppointments.Contains(appointment.Id));

        Assert.Equal(DocumentedGhostAppointments, ghosts);
    }

    [Fact]
    public void The_default_demo_has_the_documented_number_of_jobs_whose_commission_splits_do_not_sum_to_one()
    {
        var data = DemoCompany.Generate(DemoFixtures.Default);

        var unbalanced = data.Jobs.Count(job => job.CommissionSplits!.Sum(split => split.Share) != 1m);

        Assert.Equal(DocumentedUnbalancedCommissionJobs, unbalanced);
    }
}
