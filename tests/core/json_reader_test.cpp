#include "core/json_reader.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace tongxin::core {
namespace {

// Runs one read against `json` and returns the first error's field and reason ("" if ok).
std::pair<std::string, std::string> FirstError(const std::string& json,
                                               const std::function<void(JsonReader&)>& read) {
  auto v = boost::json::parse(json);
  JsonReader r(v.as_object(), {"name", "age", "flag", "kind", "day", "ids", "notes"});
  read(r);
  auto st = r.Finish();
  if (st) return {"", ""};
  return {st.error().fields.front().field, st.error().fields.front().reason};
}

TEST(JsonReaderTest, Table) {
  using Read = std::function<void(JsonReader&)>;
  Read name = [](JsonReader& r) { r.String("name", true, 5); };
  Read age = [](JsonReader& r) { r.Int("age", false, 0, 150); };
  Read flag = [](JsonReader& r) { r.Bool("flag", false); };
  Read kind = [](JsonReader& r) { r.Choice("kind", false, {"a", "b"}); };
  Read day = [](JsonReader& r) { r.Date("day", false); };
  Read ids = [](JsonReader& r) { r.IntArray("ids", false, 3); };
  Read notes = [](JsonReader& r) { r.String("notes", false, 100, true); };
  struct Case {
    const char* json;
    Read read;
    std::string field, reason;
  } cases[] = {
      {R"({"name":"王小明"})", name, "", ""},
      {R"({"name":"王小明王小明"})", name, "name", "validation.too_long"},  // 6 characters > 5
      {R"({})", name, "name", "validation.required"},
      {R"({"name":null})", name, "name", "validation.required"},
      {R"({"name":"   "})", name, "name", "validation.empty"},
      {R"({"name":5})", name, "name", "validation.wrong_type"},
      {R"({"name":"a\u0001"})", name, "name", "validation.control_chars"},
      {R"({"name":"ok","other":1})", name, "other", "validation.unknown_field"},
      {R"({"age":30})", age, "", ""},
      {R"({"age":"30"})", age, "age", "validation.wrong_type"},
      {R"({"age":3.5})", age, "age", "validation.wrong_type"},
      {R"({"age":151})", age, "age", "validation.out_of_range"},
      {R"({"age":18446744073709551615})", age, "age", "validation.wrong_type"},
      {R"({"flag":1})", flag, "flag", "validation.wrong_type"},
      {R"({"kind":"c"})", kind, "kind", "validation.invalid_choice"},
      {R"({"kind":"b"})", kind, "", ""},
      {R"({"day":"2020-02-30"})", day, "day", "validation.invalid_date"},
      {R"({"day":"2020-02-29"})", day, "", ""},
      {R"({"ids":[1,2,3,4]})", ids, "ids", "validation.out_of_range"},
      {R"({"ids":[1,"x"]})", ids, "ids", "validation.wrong_type"},
      {R"({"notes":"line one\nline two"})", notes, "", ""},
  };
  for (const auto& c : cases) {
    auto [field, reason] = FirstError(c.json, c.read);
    EXPECT_EQ(field, c.field) << c.json;
    EXPECT_EQ(reason, c.reason) << c.json;
  }
}

TEST(JsonReaderTest, CollectsEveryError) {
  auto v = boost::json::parse(R"({"name":1,"age":"x","zzz":true})");
  JsonReader r(v.as_object(), {"name", "age"});
  r.String("name", true, 10);
  r.Int("age", true, 0, 10);
  auto st = r.Finish();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields.size(), 3u);
  EXPECT_EQ(st.error().code, Errc::kInvalid);
}

}  // namespace
}  // namespace tongxin::core
