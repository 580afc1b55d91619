using System.Data.Common;
using Dapper;
using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>Users and their branches (<c>app.users</c>, <c>app.user_branches</c>) on the warehouse's primary, both engines.</summary>
internal sealed class AccountStore(IWarehouse warehouse, TimeProvider time)
{
    private const string SelectUsers = """
        select user_id as Id, email as Email, display_name as DisplayName, role as Role, employee_id as EmployeeId,
               is_active as IsActive, created_at as CreatedAt, last_login_at as LastLoginAt, password_hash as PasswordHash
        from app.users
        """;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("select count(*) from app.users", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        FindAsync("where user_id = @id", new { id }, cancellationToken);

    public Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        FindAsync("where email = @email", new { email = EmailAddress.Normalize(email) }, cancellationToken);

    /// <summary>Every user, by email.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<UserRow>(
                new CommandDefinition(SelectUsers + " order by email", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var branches = (await connection.QueryAsync<BranchRow>(new CommandDefinition(
                    "select user_id as UserId, location_id as LocationId from app.user_branches order by location_id",
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToLookup(row => row.UserId, row => row.LocationId);
            return [.. rows.Select(row => row.ToAccount([.. branches[row.Id]]))];
        }
    }

    /// <summary>Creates the user; null when the email is already taken.</summary>
    public async Task<UserAccount?> CreateAsync(NewUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(user.Email);
        if (await FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is not null)
            return null;

        var now = time.GetUtcNow();
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql("""
                    insert into app.users (email, display_name, role, employee_id, password_hash, created_at, updated_at)
                    values (@email, @displayName, @role, @employeeId, @passwordHash, @now, @now)
                    returning user_id
                    """),
                    new { email, displayName = user.DisplayName, role = user.Role.Name(), employeeId = user.EmployeeId, passwordHash, now },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await AddBranchesAsync(connection, transaction, id, user.Branches, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the changes; null when there is no such user.</summary>
    public async Task<UserAccount?> UpdateAsync(long id, UserChanges changes, CancellationToken cancellationToken)
    {
        if (await FindByIdAsync(id, cancellationToken).ConfigureAwait(false) is not { } current)
            return null;

        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(Sql("""
                    update app.users
                    set display_name = @displayName, role = @role, employee_id = @employeeId, is_active = @isActive, updated_at = @now
                    where user_id = @id
                    """),
                    new
                    {
                        id,
                        displayName = changes.DisplayName ?? current.DisplayName,
                        role = (changes.Role ?? current.Role).Name(),
                        employeeId = changes.EmployeeId is { } employee ? (employee.Length == 0 ? null : employee) : current.EmployeeId,
                        isActive = changes.IsActive ?? current.IsActive,
                        now = time.GetUtcNow(),
                    },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (changes.Branches is { } branches)
                {
                    // Only the difference: DuckDB checks a key deleted and inserted again in one transaction as a duplicate.
                    foreach (var removed in current.Branches.Except(branches, StringComparer.Ordinal))
                    {
                        await connection.ExecuteAsync(new CommandDefinition(
                            Sql("delete from app.user_branches where user_id = @id and location_id = @removed"),
                            new { id, removed }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    }

                    await AddBranchesAsync(connection, transaction, id, [.. branches.Except(current.Branches, StringComparer.Ordinal)], cancellationToken)
                        .ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindByIdAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken) =>
        ExecuteAsync("update app.users set password_hash = @passwordHash, updated_at = @now where user_id = @id",
            new { id, passwordHash, now = time.GetUtcNow() }, cancellationToken);

    public Task RecordLoginAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("update app.users set last_login_at = @now where user_id = @id", new { id, now = time.GetUtcNow() }, cancellationToken);

    private async Task<UserAccount?> FindAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
                new CommandDefinition(Sql(SelectUsers + " " + where), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (row is null)
                return null;
            var branches = await connection.QueryAsync<string>(new CommandDefinition(
                Sql("select location_id from app.user_branches where user_id = @id order by location_id"),
                new { id = row.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row.ToAccount([.. branches]);
        }
    }

    private async Task AddBranchesAsync(
        DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<string> branches, CancellationToken cancellationToken)
    {
        foreach (var branch in branches.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql("insert into app.user_branches (user_id, location_id) values (@id, @branch)"),
                new { id, branch }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql(sql), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private string Sql(string sql) => AppSql.For(warehouse, sql);

    private sealed class UserRow
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? EmployeeId { get; init; }
        public bool IsActive { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? LastLoginAt { get; init; }
        public string? PasswordHash { get; init; }

        public UserAccount ToAccount(IReadOnlyList<string> branches) => new(
            Id, Email, DisplayName, AppSql.ParseRole(Role), branches, EmployeeId, IsActive,
            AppSql.Instant(CreatedAt), AppSql.Instant(LastLoginAt), PasswordHash);
    }

    private sealed class BranchRow
    {
        public long UserId { get; init; }
        public string LocationId { get; init; } = "";
    }
}
