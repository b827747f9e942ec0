// The JSON object of a struct described with BOOST_DESCRIBE_STRUCT: one field per public
// member of a JSON-ready type, under the member's name, so an entity's *ToJson writes only
// what differs from its members (a computed field, an enum's name, a masked value).
//
//   boost::json::object o = core::DescribedToJson(user, {"password_hash"});
//   o["role"] = core::RoleName(user.role);
//
// JSON-ready: integers, bool, double, std::string, std::optional<std::int64_t> (null when
// empty), described structs (objects) and vectors of any of these (arrays). Members of other
// types (enums, vectors of undescribed structs) are left to the caller, as are the members
// named in `leave_out`.
#pragma once

#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tongxin::core {

namespace described_json_detail {
template <class M>
constexpr bool kScalar = std::is_same_v<M, std::int64_t> || std::is_same_v<M, long long> || std::is_same_v<M, int> ||
                         std::is_same_v<M, bool> || std::is_same_v<M, double> || std::is_same_v<M, std::string>;
template <class M>
struct IsVector : std::false_type {};
template <class E>
struct IsVector<std::vector<E>> : std::true_type {};
}  // namespace described_json_detail

template <class T>
boost::json::object DescribedToJson(const T& v, std::initializer_list<std::string_view> leave_out = {});

namespace described_json_detail {
// A member's JSON, or nullopt for a type left to the caller.
template <class M>
std::optional<boost::json::value> ValueOf(const M& value) {
  if constexpr (kScalar<M>) {
    return boost::json::value(value);
  } else if constexpr (std::is_same_v<M, std::optional<std::int64_t>>) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
  } else if constexpr (boost::describe::has_describe_members<M>::value) {
    return boost::json::value(DescribedToJson(value));
  } else if constexpr (IsVector<M>::value) {
    boost::json::array a;
    for (const auto& x : value) {
      auto item = ValueOf(x);
      if (!item) return std::nullopt;
      a.push_back(std::move(*item));
    }
    return boost::json::value(std::move(a));
  } else {
    return std::nullopt;
  }
}
}  // namespace described_json_detail

template <class T>
boost::json::object DescribedToJson(const T& v, std::initializer_list<std::string_view> leave_out) {
  namespace d = described_json_detail;
  boost::json::object o;
  namespace bd = boost::describe;
  using Described = bd::describe_members<T, bd::mod_public | bd::mod_inherited>;
  boost::mp11::mp_for_each<Described>([&](auto m) {
    using M = std::remove_cvref_t<decltype(v.*m.pointer)>;
    if (std::find(leave_out.begin(), leave_out.end(), std::string_view(m.name)) != leave_out.end()) return;
    if (auto value = d::ValueOf<M>(v.*m.pointer)) o[m.name] = std::move(*value);
  });
  return o;
}

}  // namespace tongxin::core
