using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Christmas.Tests.Fixtures.LongCollectionsFirst", "Christmas.Tests")]

namespace Christmas.Tests.Fixtures;

/// <summary>
/// Marks a test class (or a collection's definition) whose tests take minutes, mostly waiting: kills
/// and heartbeats, an hour of fake time. <see cref="LongCollectionsFirst"/> starts them first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;

/// <summary>
/// Starts the collections of <see cref="RunsLongAttribute"/> classes first, the rest in xunit's order.
/// Started last (xunit's order put them there) they were the run's tail: several minutes with one
/// test running and the cores idle.
/// </summary>
public sealed class LongCollectionsFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => RunsLong(c) ? 0 : 1);

    private static bool RunsLong(ITestCollection collection)
    {
        // A named collection's definition class, else the class of a collection of one class.
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? typeof(LongCollectionsFirst).Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..])
                : null);
        return type?.GetCustomAttribute<RunsLongAttribute>() is not null;
    }
}
