using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>One employee with what the generator needs: branch, role, dates of service and (for reps) a closing skill.</summary>
internal sealed record StaffMember(EmployeeEvent Event, int Branch, string Role, DateOnly HiredOn, DateOnly? LeftOn, double Skill)
{
    /// <summary>Works on <paramref name="day"/>: hired on or before it and not yet gone.</summary>
    public bool WorksOn(DateOnly day) => HiredOn <= day && (LeftOn is null || day < LeftOn.Value);
}

/// <summary>Everyone on Evergreen's payroll, per branch and role, with some turnover during the window.</summary>
internal sealed class Staff
{
    public const string Manager = "manager";
    public const string SalesRep = "sales_rep";
    public const string Setter = "setter";
    public const string Canvasser = "canvasser";
    public const string CallAgent = "call_agent";
    public const string Technician = "technician";
    public const string Cashier = "cashier";
    public const string Support = "support";

    private static readonly (string Role, int Count)[] Headcount =
    [
        (Manager, 1), (SalesRep, 6), (Setter, 3), (Canvasser, 6), (CallAgent, 4), (Technician, 5), (Cashier, 6), (Support, 2),
    ];

    // These roles each lose one person during the window; a replacement starts the day they leave.
    private static readonly string[] TurnoverRoles = [Canvasser, CallAgent, Cashier];

    private readonly Dictionary<(int Branch, string Role), List<StaffMember>> _byRole = [];

    public Staff(int seed, IReadOnlyList<Branch> branches, DateOnly firstDay, int days)
    {
        var random = DemoRandom.For(seed, DemoStream.Staff);
        var members = new List<StaffMember>();
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var number = 0;
            StaffMember Hire(string role, DateOnly hiredOn, DateOnly? leftOn)
            {
                number++;
                var first = random.Pick(Names.First);
                var last = random.Pick(Names.Last);
                var id = string.Create(CultureInfo.InvariantCulture, $"emp_{branch.Code}_{number:D3}");
                var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{branch.Code}{number}@evergreen.example")
                    .ToLowerInvariant();
                var updated = new DateTimeOffset((leftOn ?? hiredOn).ToDateTime(new TimeOnly(9, 0)), branch.OffsetOn(leftOn ?? hiredOn));
                var employee = new EmployeeEvent(id, updated, $"{first} {last}", role, email, branch.Id, hiredOn, leftOn, leftOn is null);
                var member = new StaffMember(employee, b, role, hiredOn, leftOn, 0.7 + (0.6 * random.NextDouble()));
                members.Add(member);
                if (!_byRole.TryGetValue((b, role), out var list))
                {
                    _byRole[(b, role)] = list = [];
                }

                list.Add(member);
                return member;
            }

            foreach (var (role, count) in Headcount)
            {
                for (var i = 0; i < count; i++)
                {
                    var hiredOn = firstDay.AddDays(-random.Next(120, 3000));
                    var leaves = i == 0 && days > 30 && TurnoverRoles.Contains(role);
                    DateOnly? leftOn = leaves ? firstDay.AddDays(random.Next(days / 4, days * 3 / 4)) : null;
                    Hire(role, hiredOn, leftOn);
                    if (leftOn is { } day)
                    {
                        Hire(role, day, null);
                    }
                }
            }
        }

        Members = members;
    }

    public IReadOnlyList<StaffMember> Members { get; }

    /// <summary>The people of a role working at a branch on a day, in a stable order.</summary>
    public List<StaffMember> Working(int branch, string role, DateOnly day) =>
        _byRole.TryGetValue((branch, role), out var list) ? list.FindAll(member => member.WorksOn(day)) : [];
}
