namespace Northstar.Ingest.Demo.Internal;

/// <summary>Name and street lists the generator draws people and addresses from.</summary>
internal static class Names
{
    public static IReadOnlyList<string> First { get; } =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
        "Anthony", "Sandra", "Mark", "Ashley", "Luis", "Emily", "Steven", "Maria", "Andrew", "Michelle", "Kenji", "Amanda",
        "Joshua", "Melissa", "Kevin", "Stephanie", "Brian", "Rebecca", "Wei", "Laura", "Jamal", "Aisha", "Diego", "Priya",
        "Ryan", "Hannah", "Tyler", "Olivia", "Ethan", "Sofia", "Noah", "Grace", "Omar", "Chloe", "Marcus", "Nora",
    ];

    public static IReadOnlyList<string> Last { get; } =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Patel", "Kim", "Chen", "Okafor", "Schmidt", "Novak", "Olsen", "Murphy", "Brooks",
    ];

    public static IReadOnlyList<string> Streets { get; } =
    [
        "Maple", "Oak", "Cedar", "Pine", "Elm", "Birch", "Willow", "Aspen", "Spruce", "Hickory", "Juniper", "Magnolia",
        "Lakeview", "Hillcrest", "Ridge", "Meadow", "Sunset", "Park", "Washington", "Lincoln", "Jefferson", "Franklin",
    ];

    public static IReadOnlyList<string> StreetKinds { get; } = ["St", "Ave", "Dr", "Ln", "Ct", "Way", "Pl", "Blvd"];
}
