using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Features.Browse;

/// <summary>Where a grid page lies in its order: the sort keys of its first and last rows, the page number and the
/// order (sort and filters) they were read under. The grid keeps the last one and hands it back with the next request.</summary>
public sealed record KeysetPosition(string Order, int Page, IReadOnlyList<object?> First, IReadOnlyList<object?> Last);

/// <summary>A grid's order as a list of keys, the last one unique (the id), so a page can start after the previous
/// page's last row (or end before its first) instead of skipping every row before it. The keys follow PostgreSQL's
/// NULL order: last ascending, first descending, which is what EF's OrderBy and OrderByDescending ask for.</summary>
public sealed class Keyset<T>
{
    private readonly List<(LambdaExpression Key, bool Descending)> _keys = [];

    public Keyset<T> By<TKey>(Expression<Func<T, TKey>> key, bool descending = false)
    {
        _keys.Add((key, descending));
        return this;
    }

    /// <summary>One page's ids in the order, and its position for the next request. Next or previous page of
    /// <paramref name="previous"/> (same order): a seek from its last or first row. Any other page (the first, a
    /// jump, a bookmarked page number): OFFSET, on the same index.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, KeysetPosition? Position)> PageAsync(IQueryable<T> query, string order, int page, int pageSize,
        KeysetPosition? previous, CancellationToken ct)
    {
        List<object?[]> rows;
        if (previous is not null && previous.Order == order && page == previous.Page + 1)
        {
            rows = await Read(Ordered(query.Where(After(previous.Last, reversed: false)), reversed: false).Take(pageSize), ct);
        }
        else if (previous is not null && previous.Order == order && page == previous.Page - 1)
        {
            rows = await Read(Ordered(query.Where(After(previous.First, reversed: true)), reversed: true).Take(pageSize), ct);
            rows.Reverse();
        }
        else
        {
            rows = await Read(Ordered(query, reversed: false).Skip(page * pageSize).Take(pageSize), ct);
        }
        var ids = rows.Select(r => (Guid)r[^1]!).ToList();
        return (ids, rows.Count == 0 ? null : new KeysetPosition(order, page, rows[0], rows[^1]));
    }

    public IQueryable<T> Ordered(IQueryable<T> query, bool reversed = false)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (key, descending) in _keys)
        {
            var method = (ordered is null ? "Order" : "Then") + "By" + (descending != reversed ? "Descending" : "");
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], (ordered ?? query).Expression, Expression.Quote(key));
            ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
        }
        return ordered ?? query;
    }

    private async Task<List<object?[]>> Read(IQueryable<T> query, CancellationToken ct)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var values = Expression.NewArrayInit(typeof(object), _keys.Select(k => Expression.Convert(Body(k.Key, row), typeof(object))));
        return await query.Select(Expression.Lambda<Func<T, object?[]>>(values, row)).ToListAsync(ct);
    }

    /// <summary>Rows after <paramref name="cursor"/> in the order (reversed: before it): for keys k1..kn, the rows
    /// equal on k1..ki-1 and after on ki, for each i; plus the first key's bound alone, which the index can start from.</summary>
    private Expression<Func<T, bool>> After(IReadOnlyList<object?> cursor, bool reversed)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < _keys.Count; i++)
        {
            var (key, descending) = _keys[i];
            var k = Body(key, row);
            if (Later(k, cursor[i], descending != reversed) is { } later)
            {
                var term = i == 0 ? later : Expression.AndAlso(equalSoFar, later);
                any = any is null ? term : Expression.OrElse(any, term);
            }
            var equal = Equal(k, cursor[i]);
            equalSoFar = i == 0 ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        if (Bound(Body(_keys[0].Key, row), cursor[0], _keys[0].Descending != reversed) is { } bound)
        {
            any = Expression.AndAlso(bound, any ?? Expression.Constant(false));
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    // Strictly after the value in the key's direction; null when nothing can be (ascending after NULL).
    private static BinaryExpression? Later(Expression k, object? value, bool descending)
    {
        var nullable = CanBeNull(k.Type);
        if (value is null)
        {
            return descending ? Expression.NotEqual(k, Expression.Constant(null, k.Type)) : null;
        }
        var compared = Compare(k, value, descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        return !descending && nullable ? Expression.OrElse(compared, Expression.Equal(k, Expression.Constant(null, k.Type))) : compared;
    }

    // The same condition on the first key as a single range, which an index scan can start from; null where it is not one.
    private static BinaryExpression? Bound(Expression k, object? value, bool descending)
    {
        if (value is null)
        {
            return descending ? null : Expression.Equal(k, Expression.Constant(null, k.Type));
        }
        if (!descending && CanBeNull(k.Type))
        {
            return null;
        }
        return Compare(k, value, descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
    }

    private static BinaryExpression Equal(Expression k, object? value) =>
        value is null ? Expression.Equal(k, Expression.Constant(null, k.Type)) : Compare(k, value, ExpressionType.Equal);

    // Strings and ids have no C# operators: string.Compare and Guid.CompareTo, which EF turns into SQL comparisons.
    private static BinaryExpression Compare(Expression k, object value, ExpressionType op)
    {
        var v = Parameter(value, k.Type);
        if (k.Type == typeof(string) && op != ExpressionType.Equal)
        {
            return Expression.MakeBinary(op, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, k, v), Expression.Constant(0));
        }
        if (k.Type == typeof(Guid) && op != ExpressionType.Equal)
        {
            return Expression.MakeBinary(op, Expression.Call(k, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, v), Expression.Constant(0));
        }
        return Expression.MakeBinary(op, k, v);
    }

    // A member of a constant holder, so EF sends the value as a parameter and keeps one plan for every page.
    private static MemberExpression Parameter(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static Expression Body(LambdaExpression key, ParameterExpression row) =>
        new Rebind(key.Parameters[0], row).Visit(key.Body);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

file sealed class Holder<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
