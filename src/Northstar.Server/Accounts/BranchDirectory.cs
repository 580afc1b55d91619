using Dapper;
using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>The company's branches (<c>gold.dim_location</c>, without the "unknown" member), for names in the UI's pickers and menus.</summary>
internal sealed class BranchDirectory(IWarehouse warehouse)
{
    public async Task<IReadOnlyList<Branch>> ListAsync(CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return [.. await connection.QueryAsync<Branch>(new CommandDefinition("""
                select location_id as Id, name as Name, city as City
                from gold.dim_location where location_id <> 'unknown'
                order by name, location_id
                """, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }
    }

    /// <summary>The branches <paramref name="caller"/> may see: all when not restricted to branches, else theirs.</summary>
    public async Task<IReadOnlyList<Branch>> VisibleToAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        return caller.Scope.Branches is { } own ? [.. all.Where(branch => own.Contains(branch.Id, StringComparer.Ordinal))] : all;
    }
}

/// <summary>A branch: its natural id (<c>location_id</c>), name and city.</summary>
public sealed record Branch(string Id, string Name, string? City);
