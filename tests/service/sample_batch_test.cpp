#include "service/sample_batch.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace chairhub {
namespace {

// How many samples go in each batch, feeding samples `interval_s` apart.
std::vector<std::size_t> batch_sizes(double interval_s, int samples) {
  SampleBatch batch;
  std::vector<std::size_t> sizes;
  for (int i = 0; i < samples; ++i) {
    if (batch.add(Sample{i * interval_s, {1.0}})) sizes.push_back(batch.take().size());
  }
  return sizes;
}

TEST(SampleBatch, FourTogetherAt80HzAfterTheFirstAlone) {
  const auto sizes = batch_sizes(0.0125, 13);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1, 4, 4, 4}));
}

TEST(SampleBatch, EachAloneAtOneHz) {
  EXPECT_EQ(batch_sizes(1.0, 3), (std::vector<std::size_t>{1, 1, 1}));
}

TEST(SampleBatch, SamplesWithoutPausesGoAtTheMost) {
  const auto sizes = batch_sizes(0, 1 + 2 * SampleBatch::kMaxSamples);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1, SampleBatch::kMaxSamples, SampleBatch::kMaxSamples}));
}

TEST(SampleBatch, TakeEmptiesIt) {
  SampleBatch batch;
  batch.add(Sample{0, {}});
  EXPECT_FALSE(batch.empty());
  EXPECT_EQ(batch.take().size(), 1u);
  EXPECT_TRUE(batch.empty());
}

}  // namespace
}  // namespace chairhub
