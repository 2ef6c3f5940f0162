using System.Text.Json.Nodes;
using NSubstitute;
using Overholt.Application.History;
using Overholt.Application.History.Queries.ListHistory;
using Overholt.Application.Security;

namespace Overholt.UnitTests.Application;

/// <summary>How one change's fields are written, and how later steps of the same change fold into it.</summary>
public sealed class ChangeSetTests
{
    [Fact]
    public void A_field_that_keeps_its_value_is_no_change()
    {
        var changes = new ChangeSet().Set("name", "Corner", "Corner").Set("city", "Portland", "Salem").Set("description", null, null);

        Assert.Equal("""{"city":["Portland","Salem"]}""", changes.ToJson());
    }

    [Fact]
    public void Ids_are_written_in_order_and_the_same_ids_in_another_order_are_no_change()
    {
        Assert.Equal("""{"categories":[[1,2],[1,3]]}""", new ChangeSet().Set("categories", new[] { 2, 1 }, new[] { 3, 1 }).ToJson());
        Assert.Equal(0, new ChangeSet().Set("categories", new[] { 2, 1 }, new[] { 1, 2 }).Count);
    }

    [Fact]
    public void A_later_step_keeps_the_first_value_before_and_the_last_after()
    {
        var first = new ChangeSet().Set("name", "A", "B").Set("active", true, false);
        var later = new ChangeSet().Set("name", "B", "C").Set("active", false, true).Set("roles.admin", false, true);

        Assert.Equal("""{"name":["A","C"],"roles.admin":[false,true]}""", first.Then(later).ToJson());
    }

    [Fact]
    public void A_password_change_never_carries_a_value_and_two_steps_of_it_stay_one_change()
    {
        var removed = new ChangeSet().PasswordChanged();
        var set = new ChangeSet().PasswordChanged();

        Assert.Equal("""{"password":[null,"changed"]}""", removed.Then(set).ToJson());
    }

    [Fact]
    public void Text_that_needs_escaping_is_written_as_its_JSON_nodes_write_it_and_reads_back_the_same()
    {
        const string Name = "Café <b>\"Ω\"</b> \u202E\0 & 'end'";
        var json = new ChangeSet().Set("name", null, Name).ToJson();

        Assert.Equal(new JsonObject { ["name"] = new JsonArray(null, JsonValue.Create(Name)) }.ToJsonString(), json);
        Assert.Equal(Name, ChangeSet.ReadFields(json)["name"][1].GetString());
    }

    [Fact]
    public void What_is_written_reads_back()
    {
        var json = new ChangeSet().Set("name", null, "Apple").Set("categories", null, new[] { 4 }).ToJson();

        Assert.Equal(json, ChangeSet.Parse(json).ToJson());
        Assert.Equal(["name", "categories"], ChangeSet.ReadFields(json).Keys);
    }

    [Theory]
    [InlineData("store.exploded", null, "Action")]
    [InlineData(null, "order", "ResourceType")]
    public void Filters_name_only_what_the_history_holds(string? action, string? type, string field)
    {
        var result = new ListHistoryValidator().Validate(new ListHistory(new HistoryFilter(Action: action, ResourceType: type)));

        Assert.Equal([field], result.Errors.Select(error => error.PropertyName));
    }

    [Fact]
    public void Every_action_belongs_to_a_resource_type()
    {
        Assert.All(HistoryActions.All, action => Assert.Contains(action.Split('.')[0], HistoryActions.ResourceTypes));
    }
}

/// <summary>Who a change is recorded against, from whoever the request runs for.</summary>
public sealed class ChangeActorTests
{
    [Fact]
    public void A_signed_in_user_is_their_id_and_email_the_operator_and_nobody_have_no_id()
    {
        var user = Substitute.For<ICurrentUser>();
        user.Id.Returns(17);
        user.Email.Returns("ann@example.com");
        var operatorUser = Substitute.For<ICurrentUser>();
        operatorUser.IsAuthenticated.Returns(true);
        var nobody = Substitute.For<ICurrentUser>();

        Assert.Equal(new ChangeActor(17, "ann@example.com"), ChangeActor.For(user));
        Assert.Equal(ChangeActor.Operator, ChangeActor.For(operatorUser));
        Assert.Equal(ChangeActor.Anonymous, ChangeActor.For(nobody));
    }
}
