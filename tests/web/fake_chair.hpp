#pragma once
// A stand-in for chairhubd behind the page: fixed answers, and a count of what was asked.
#include <vector>

#include "web/chair_port.hpp"

namespace chairhub::web::test {

class FakeChair : public ChairPort {
 public:
  LiveView live() const override { return view; }
  Wiring wiring() const override { return wires; }
  std::vector<SettingRow> settings() const override { return rows; }
  std::string history_file() const override { return history; }
  Outcome tare() override {
    ++tares;
    return {true, "tared"};
  }
  Profiles profiles() const override { return sitters; }
  Outcome select_profile(const std::string& name) override {
    selected.push_back(name);
    return {true, "now " + name};
  }
  Outcome start_guide(Guide g, double kg, const std::string& profile) override {
    started.emplace_back(g, kg);
    started_profiles.push_back(profile);
    return {true, "started"};
  }
  Outcome guide_step_ready(Guide) override {
    ++readies;
    return {false, "not yet"};
  }
  void cancel_guide(Guide) override { ++cancels; }
  GuideView guide(Guide) const override { return guide_view; }

  LiveView view;
  Wiring wires;
  std::vector<SettingRow> rows;
  std::string history;
  GuideView guide_view;
  int tares = 0, readies = 0, cancels = 0;
  std::vector<std::pair<Guide, double>> started;
  std::vector<std::string> started_profiles, selected;
  Profiles sitters;
};

}  // namespace chairhub::web::test
