using Spin.DbSetup;

namespace Spin.Cluster.Tests.Schema;

public sealed class SqlStatementsTests
{
    [Fact]
    public void SplitsAtSemicolonsOutsideQuotesCommentsAndDollarBodies()
    {
        const string script = """
            -- a comment; not a statement
            CREATE TABLE A (Name text DEFAULT 'x;y''z');
            /* block; /* nested; */ still comment; */
            INSERT INTO Q VALUES ('k', $sql$SELECT 1; SELECT 2$sql$), ($$;$$), (E'\';'), ("odd;name");
            SELECT $1;
            """;

        var statements = SqlStatements.Split(script);

        Assert.Equal(3, statements.Count);
        Assert.EndsWith("CREATE TABLE A (Name text DEFAULT 'x;y''z')", statements[0].Text);
        Assert.EndsWith("""("odd;name")""", statements[1].Text);
        Assert.Equal("\nSELECT $1", statements[2].Text);
        Assert.Equal(script.IndexOf("\nSELECT $1", StringComparison.Ordinal), statements[2].Offset);
    }

    [Fact]
    public void DropsCommentOnlyAndEmptyStatements()
    {
        var statements = SqlStatements.Split("SELECT 1;;\n-- trailing comment\n");

        Assert.Equal("SELECT 1", Assert.Single(statements).Text);
    }
}
