using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>
/// The in-home sales pipeline that starts at one branch on one local day: doors knocked, calls made, marketing spent,
/// the leads they produce, and everything downstream of those leads (appointments, jobs, production, service tickets)
/// as it stands at the end of <see cref="DemoOptions.Today"/>. Everything comes from one random stream per branch-day,
/// so the entities stay consistent with each other whichever of them is enumerated.
/// </summary>
internal sealed class PipelineDay
{
    /// <summary>Share of sold appointments left without a job: the "ghost appointment" defect.</summary>
    public const double GhostRate = 0.025;

    /// <summary>Share of jobs whose commission shares do not add up to 1: the "unbalanced commission" defect.</summary>
    public const double UnbalancedSplitRate = 0.015;

    private static readonly string[] DoorOutcomes = ["not_home", "not_interested", "callback", "lead", "appointment_set"];
    private static readonly double[] DoorTable = DemoRandom.Cumulative([0.46, 0.33, 0.12, 0.06, 0.03]);
    private static readonly string[] CallOutcomes = ["no_answer", "voicemail", "answered", "appointment_set", "other"];
    private static readonly double[] CallTable = DemoRandom.Cumulative([0.38, 0.24, 0.30, 0.06, 0.02]);
    private static readonly int[] SlotHours = [9, 11, 13, 15, 17, 19];
    private static readonly string[] LostReasons = ["not_interested", "unreachable", "price", "timing"];
    private static readonly string[] TicketChannels = ["phone", "email", "chat", "in_store"];
    private static readonly string[] Priorities = ["low", "normal", "normal", "normal", "high", "urgent"];

    private readonly DemoModel _model;
    private readonly Random _random;
    private readonly Branch _branch;
    private readonly int _branchIndex;
    private readonly int _dayIndex;
    private readonly DateOnly _day;
    private readonly TimeSpan _offset;
    private readonly DateTimeOffset _asOf;
    private readonly string _suffix;

    private PipelineDay(DemoModel model, int dayIndex, int branchIndex)
    {
        _model = model;
        _branchIndex = branchIndex;
        _dayIndex = dayIndex;
        _branch = model.Branches[branchIndex];
        _day = model.Day(dayIndex);
        _offset = _branch.OffsetOn(_day);
        _asOf = _branch.EndOf(model.Options.Today);
        _random = DemoRandom.For(model.Options.Seed, DemoStream.Pipeline, dayIndex, branchIndex);
        _suffix = string.Create(CultureInfo.InvariantCulture, $"{_branch.Code}_{_day:yyyyMMdd}_");
    }

    public List<CanvassDoorEvent> Doors { get; } = [];

    public List<CallEvent> Calls { get; } = [];

    public List<MarketingSpendEvent> Spend { get; } = [];

    public List<LeadEvent> Leads { get; } = [];

    public List<AppointmentEvent> Appointments { get; } = [];

    public List<JobEvent> Jobs { get; } = [];

    public List<TicketEvent> Tickets { get; } = [];

    /// <summary>Appointments with outcome sold and no job (deliberate defect).</summary>
    public int GhostAppointments { get; private set; }

    /// <summary>Jobs whose commission shares do not sum to 1 (deliberate defect).</summary>
    public int UnbalancedCommissionJobs { get; private set; }

    public static PipelineDay Generate(DemoModel model, int dayIndex, int branchIndex)
    {
        var pipeline = new PipelineDay(model, dayIndex, branchIndex);
        pipeline.Run();
        return pipeline;
    }

    private double Demand => Patterns.Season(_day) * Patterns.Growth(_dayIndex, _model.Options.Days);

    private DateTimeOffset At(int hour, int minute) => new(_day.ToDateTime(new TimeOnly(hour, minute)), _offset);

    private DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), _branch.OffsetOn(day));

    private void Run()
    {
        var workday = _day.DayOfWeek != DayOfWeek.Sunday;
        if (workday)
        {
            KnockDoors();
            MakeCalls();
        }

        BuyMedia();
        ShowroomTickets();
    }

    private void KnockDoors()
    {
        var doors = 0;
        foreach (var canvasser in _model.Staff.Working(_branchIndex, Staff.Canvasser, _day))
        {
            var knocks = _random.Next(25, 41);
            for (var k = 0; k < knocks; k++)
            {
                var knockedAt = At(14, 0).AddSeconds((k * 330) + _random.Next(300));
                var outcome = DoorOutcomes[_random.PickCumulative(DoorTable)];
                var number = _random.Next(100, 9900);
                var street = _random.Pick(Names.Streets);
                var kind = _random.Pick(Names.StreetKinds);
                var latitude = Math.Round(_branch.Latitude + (decimal)((_random.NextDouble() - 0.5) * 0.24), 5);
                var longitude = Math.Round(_branch.Longitude + (decimal)((_random.NextDouble() - 0.5) * 0.32), 5);
                string? leadId = null;
                if (outcome is "lead" or "appointment_set")
                {
                    var wantsAppointment = outcome == "appointment_set" || _random.Chance(0.35);
                    leadId = AddLead(Campaigns.Canvassing, knockedAt, canvasser, wantsAppointment);
                }

                doors++;
                var id = string.Concat("door_", _suffix, doors.ToString("D4", CultureInfo.InvariantCulture));
                Doors.Add(new CanvassDoorEvent(
                    id, knockedAt, knockedAt, outcome, canvasser.Event.Id, _branch.Id,
                    string.Create(CultureInfo.InvariantCulture, $"{number} {street} {kind}, {_branch.City}, {_branch.Region}"),
                    latitude, longitude, leadId));
            }
        }

        AddSpend(Campaigns.Canvassing, doors * 3.50m);
    }

    private void MakeCalls()
    {
        var calls = 0;
        foreach (var agent in _model.Staff.Working(_branchIndex, Staff.CallAgent, _day))
        {
            var dials = _random.Next(35, 56);
            for (var c = 0; c < dials; c++)
            {
                var startedAt = At(9, 0).AddSeconds((c * 780) + _random.Next(700));
                var inbound = _random.Chance(0.12);
                var outcome = inbound ? (_random.Chance(0.8) ? "answered" : "missed") : CallOutcomes[_random.PickCumulative(CallTable)];
                var duration = outcome switch
                {
                    "no_answer" or "missed" => _random.Next(0, 26),
                    "voicemail" => _random.Next(20, 61),
                    "appointment_set" => _random.Next(240, 901),
                    _ => _random.Next(60, 401),
                };
                var leadId = outcome == "appointment_set"
                    ? AddLead(Campaigns.Telemarketing, startedAt, agent, wantsAppointment: true)
                    : null;
                calls++;
                var id = string.Concat("call_", _suffix, calls.ToString("D4", CultureInfo.InvariantCulture));
                Calls.Add(new CallEvent(
                    id, startedAt.AddSeconds(duration), startedAt, outcome, inbound ? "inbound" : "outbound", duration, agent.Event.Id,
                    _branch.Id, LeadId: leadId));
            }
        }

        AddSpend(Campaigns.Telemarketing, calls * 1.80m);
    }

    private void BuyMedia()
    {
        var demand = Demand;
        var web = Math.Round(420m * (decimal)(demand * (0.8 + (0.4 * _random.NextDouble()))), 2);
        var impressions = (long)((double)web * (80 + (20 * _random.NextDouble())));
        AddSpend(Campaigns.Web, web, impressions, (long)(impressions * (0.015 + (0.01 * _random.NextDouble()))));
        AddPaidLeads(Campaigns.Web, _random.Poisson((double)web / 55), appointmentRate: 0.45);

        var tv = Math.Round(600m * (decimal)(demand * (0.85 + (0.3 * _random.NextDouble()))), 2);
        AddSpend(Campaigns.Tv, tv);
        AddPaidLeads(Campaigns.Tv, _random.Poisson((double)tv / 140), appointmentRate: 0.40);

        // Mail drops go out on Tuesdays; the responses trickle in all week.
        if (_day.DayOfWeek == DayOfWeek.Tuesday)
        {
            AddSpend(Campaigns.DirectMail, Math.Round(2400m * (decimal)(0.9 + (0.2 * _random.NextDouble())), 2));
        }

        AddPaidLeads(Campaigns.DirectMail, _random.Poisson(2400.0 / 7 / 95 * demand), appointmentRate: 0.35);

        // Referral "spend" is the bonus paid per referred lead.
        var referrals = _random.Poisson(1.6 * demand);
        AddSpend(Campaigns.Referral, referrals * 50m);
        AddPaidLeads(Campaigns.Referral, referrals, appointmentRate: 0.70);
    }

    private void AddPaidLeads(string channel, int count, double appointmentRate)
    {
        var setters = _model.Staff.Working(_branchIndex, Staff.Setter, _day);
        for (var i = 0; i < count; i++)
        {
            var createdAt = At(8, 0).AddSeconds(_random.Next(13 * 3600));
            var setter = setters.Count > 0 ? _random.Pick(setters) : null;
            AddLead(channel, createdAt, setter, _random.Chance(appointmentRate));
        }
    }

    private void AddSpend(string channel, decimal amount, long? impressions = null, long? clicks = null)
    {
        if (amount <= 0)
        {
            return;
        }

        var id = string.Concat("spend_", _suffix, channel);
        Spend.Add(new MarketingSpendEvent(
            id, At(20, 0), _day, channel, amount, _model.Campaigns.IdFor(channel, _day), _branch.Id, impressions, clicks));
    }

    private string AddLead(string channel, DateTimeOffset createdAt, StaffMember? owner, bool wantsAppointment)
    {
        var number = (Leads.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        var id = string.Concat("lead_", _suffix, number);
        var customer = _random.Chance(0.3) ? _model.Customers.Draw(_random, _branchIndex, _dayIndex) : null;
        var lead = new LeadEvent(
            id, createdAt, channel, createdAt, "new", customer?.Id, _branch.Id, owner?.Event.Id, _model.Campaigns.IdFor(channel, _day));
        var appointment = wantsAppointment ? Appoint(lead, owner, number) : null;
        if (appointment is not null)
        {
            Appointments.Add(appointment);
        }

        Leads.Add(Settle(lead, appointment));
        return id;
    }

    // The lead's status as of the end of today, from what happened to its appointment (or to the lead itself).
    private LeadEvent Settle(LeadEvent lead, AppointmentEvent? appointment)
    {
        var contactedAt = lead.CreatedAt.AddHours(_random.Next(1, 30));
        var lostAt = lead.CreatedAt.AddDays(_random.Next(3, 15));
        var reason = _random.Pick(LostReasons);
        if (appointment is null)
        {
            return lostAt <= _asOf ? lead with { UpdatedAt = lostAt, Status = "lost", LostReason = reason }
                : contactedAt <= _asOf ? lead with { UpdatedAt = contactedAt, Status = "contacted" }
                : lead;
        }

        var setLead = lead with { UpdatedAt = appointment.CreatedAt, Status = "appointment_set" };
        return appointment.Outcome switch
        {
            "sold" => setLead with { UpdatedAt = appointment.OutcomeAt!.Value, Status = "won", ConvertedAt = appointment.OutcomeAt },
            "sat" or "no_show" or "cancelled" => setLead with
            {
                UpdatedAt = appointment.OutcomeAt!.Value,
                Status = "lost",
                LostReason = appointment.Outcome == "sat" ? "not_interested" : appointment.Outcome,
            },
            _ => setLead,
        };
    }

    private AppointmentEvent Appoint(LeadEvent lead, StaffMember? setBy, string number)
    {
        var createdAt = lead.CreatedAt.AddMinutes(_random.Next(2, 21));
        var scheduledDay = _day.AddDays(1 + _random.Next(6));
        var scheduledAt = At(scheduledDay, _random.Pick(SlotHours), 0);
        var reps = _model.Staff.Working(_branchIndex, Staff.SalesRep, _day);
        var rep = reps.Count > 0 ? _random.Pick(reps) : null;
        var cancelledAt = createdAt + ((scheduledAt - createdAt) * _random.NextDouble());
        var confirmedAt = At(scheduledDay.AddDays(-1), 10, _random.Next(60));
        var cancels = _random.Chance(0.09);
        var confirms = _random.Chance(0.8);
        var showsUp = !_random.Chance(0.15);
        var sells = _random.Chance(CloseRate(lead.Channel) * (rep?.Skill ?? 1.0));
        var outcomeAt = scheduledAt.AddMinutes(showsUp ? _random.Next(90, 151) : 30);
        var appointment = new AppointmentEvent(
            string.Concat("appt_", _suffix, number), createdAt, scheduledAt, createdAt, "set", lead.Id, lead.CustomerId, _branch.Id,
            setBy?.Event.Id, rep?.Event.Id);

        if (cancels)
        {
            return cancelledAt <= _asOf
                ? appointment with { UpdatedAt = cancelledAt, Outcome = "cancelled", OutcomeAt = cancelledAt }
                : appointment;
        }

        if (outcomeAt > _asOf)
        {
            return confirms && confirmedAt <= _asOf && confirmedAt > createdAt
                ? appointment with { UpdatedAt = confirmedAt, Outcome = "confirmed" }
                : appointment;
        }

        var outcome = !showsUp ? "no_show" : sells ? "sold" : "sat";
        var settled = appointment with { UpdatedAt = outcomeAt, Outcome = outcome, OutcomeAt = outcomeAt };
        if (outcome == "sold")
        {
            Sell(settled, rep, setBy);
        }

        return settled;
    }

    private static double CloseRate(string channel) => channel switch
    {
        Campaigns.Referral => 0.45,
        Campaigns.Web => 0.34,
        Campaigns.Canvassing => 0.30,
        Campaigns.Tv => 0.30,
        Campaigns.Telemarketing => 0.27,
        _ => 0.26,
    };

    private void Sell(AppointmentEvent appointment, StaffMember? rep, StaffMember? setBy)
    {
        var ghost = _random.Chance(GhostRate);
        var soldAt = appointment.OutcomeAt!.Value;
        var amount = Math.Round((decimal)Math.Clamp(Math.Exp(Math.Log(9000) + (0.55 * _random.Normal())), 1500, 60000) / 10m) * 10m;
        var soldDay = DateOnly.FromDateTime(soldAt.DateTime);
        var startedAt = At(soldDay.AddDays(_random.Next(7, 36)), 8, 0);
        var completedAt = At(DateOnly.FromDateTime(startedAt.DateTime).AddDays(_random.Next(1, 10)), 16, 0);
        var cancelledAt = At(soldDay.AddDays(_random.Next(2, 13)), 11, 0);
        var cancels = _random.Chance(0.06);
        var splits = Splits(rep, setBy, out var unbalanced);
        if (ghost)
        {
            GhostAppointments++;
            return;
        }

        if (unbalanced)
        {
            UnbalancedCommissionJobs++;
        }

        var job = new JobEvent(
            string.Concat("job_", appointment.Id.AsSpan("appt_".Length)), soldAt, amount, soldAt, "sold", appointment.Id,
            appointment.CustomerId, _branch.Id, rep?.Event.Id, CommissionSplits: splits);
        if (cancels && cancelledAt <= _asOf)
        {
            Jobs.Add(job with { UpdatedAt = cancelledAt, Stage = "cancelled", CancelledAt = cancelledAt });
            return;
        }

        if (completedAt <= _asOf && !cancels)
        {
            Jobs.Add(job with
            {
                UpdatedAt = completedAt, Stage = "completed", ProductionStartedAt = startedAt, ProductionCompletedAt = completedAt,
            });
            ServiceJob(job, completedAt);
            return;
        }

        Jobs.Add(startedAt <= _asOf && !cancels
            ? job with { UpdatedAt = startedAt, Stage = "in_production", ProductionStartedAt = startedAt }
            : soldAt.AddDays(2) <= _asOf ? job with { UpdatedAt = soldAt.AddDays(2), Stage = "scheduled" } : job);
    }

    private List<CommissionSplit> Splits(StaffMember? rep, StaffMember? setBy, out bool unbalanced)
    {
        unbalanced = false;
        if (rep is null)
        {
            return [];
        }

        var kind = _random.NextDouble();
        var defect = _random.Chance(UnbalancedSplitRate);
        var reps = _model.Staff.Working(_branchIndex, Staff.SalesRep, _day);
        var partner = _random.Pick(reps);
        if (defect)
        {
            unbalanced = true;
            return setBy is null || kind < 0.34
                ? [new(rep.Event.Id, 0.90m)]
                : kind < 0.67
                    ? [new(rep.Event.Id, 0.70m), new(setBy.Event.Id, 0.40m)]
                    : [new(rep.Event.Id, 0.60m), new(setBy.Event.Id, 0.30m)];
        }

        if (kind < 0.30 && setBy is not null)
        {
            return [new(rep.Event.Id, 0.70m), new(setBy.Event.Id, 0.30m)];
        }

        return kind > 0.85 && partner != rep ? [new(rep.Event.Id, 0.50m), new(partner.Event.Id, 0.50m)] : [new(rep.Event.Id, 1.00m)];
    }

    private void ServiceJob(JobEvent job, DateTimeOffset completedAt)
    {
        if (!_random.Chance(0.18))
        {
            return;
        }

        var openedAt = At(DateOnly.FromDateTime(completedAt.DateTime).AddDays(_random.Next(3, 61)), _random.Next(9, 18), _random.Next(60));
        var technicians = _model.Staff.Working(_branchIndex, Staff.Technician, _day);
        AddTicket(string.Concat("tkt_", job.Id.AsSpan("job_".Length)), openedAt, job.CustomerId, technicians);
    }

    private void ShowroomTickets()
    {
        var support = _model.Staff.Working(_branchIndex, Staff.Support, _day);
        var count = _random.Poisson(1.5);
        for (var i = 0; i < count; i++)
        {
            var openedAt = At(_random.Next(8, 20), _random.Next(60));
            var customer = _model.Customers.Draw(_random, _branchIndex, _dayIndex);
            var id = string.Concat("tkt_", _suffix, "s", (i + 1).ToString("D2", CultureInfo.InvariantCulture));
            AddTicket(id, openedAt, customer?.Id, support);
        }
    }

    private void AddTicket(string id, DateTimeOffset openedAt, string? customerId, List<StaffMember> assignees)
    {
        var channel = _random.Pick(TicketChannels);
        var priority = _random.Pick(Priorities);
        var assignee = assignees.Count > 0 ? _random.Pick(assignees).Event.Id : null;
        var firstResponseAt = openedAt.AddMinutes(_random.Next(20, 24 * 60));
        var resolvedAt = firstResponseAt.AddHours(_random.Next(2, 10 * 24));
        var rates = _random.Chance(0.75);
        var days = (resolvedAt - openedAt).TotalDays;
        var satisfaction = (int)Math.Clamp(Math.Round(5.3 - (0.25 * days) + (0.8 * _random.Normal())), 1, 5);
        if (openedAt > _asOf)
        {
            return;
        }

        var ticket = new TicketEvent(id, openedAt, openedAt, "open", priority, channel, customerId, _branch.Id, assignee);
        Tickets.Add(
            resolvedAt <= _asOf ? ticket with
            {
                UpdatedAt = resolvedAt,
                Status = resolvedAt.AddDays(7) <= _asOf ? "closed" : "resolved",
                FirstResponseAt = firstResponseAt,
                ResolvedAt = resolvedAt,
                Satisfaction = rates ? satisfaction : null,
            }
            : firstResponseAt <= _asOf ? ticket with { UpdatedAt = firstResponseAt, Status = "pending", FirstResponseAt = firstResponseAt }
            : ticket);
    }
}
