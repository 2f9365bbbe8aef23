-- Futurist: what falsifiable bet does this release make? The Lua twin of plugins/futurist/futurist.cpp.
-- Values a stated thesis that can be proven wrong, a named dependency that is holding, a second-order effect
-- beyond the release, and being early to the trend. Says skip when the dependency is failing or the release is
-- late; abstains when no thesis is stated at all.

local defaults = {
  base = 40, threshold = 55, min_facts = 1,
  weights = {
    thesis_stated = 20, falsifiable = 5, dependency_named = 5, dependency_holding = 10, dependency_uncertain = -5,
    dependency_failing = -20, second_order_effect = 10, early = 10, on_time = 5, late = -15,
  },
}

local function weigh_thesis(tool, ctx)
  local th = tool.thesis
  if th.statement then
    ctx.rule("thesis_stated", "thesis.statement", th.statement, true, "It makes a clear bet on where things are going.")
  end
  if th.falsifiable ~= nil then
    ctx.rule("falsifiable", "thesis.falsifiable", th.falsifiable, th.falsifiable,
      "The bet can be proven wrong, so it can be tracked.")
  end
  if th.dependency then
    ctx.rule("dependency_named", "thesis.dependency", th.dependency, true,
      "It names what has to hold for the bet to pay.")
  end
  local status = th.dependency_status
  if status then
    ctx.rule("dependency_holding", "thesis.dependency_status", status, status == "holding",
      "The dependency is holding.")
    ctx.rule("dependency_uncertain", "thesis.dependency_status", status, status == "uncertain",
      "The dependency is uncertain.")
    ctx.rule("dependency_failing", "thesis.dependency_status", status, status == "failing",
      "The dependency is already failing.")
  end
  if th.second_order then
    ctx.rule("second_order_effect", "thesis.second_order", th.second_order, true,
      "It has an effect beyond the release itself.")
  end
  local when = th.timing
  if when then
    ctx.rule("early", "thesis.timing", when, when == "early", "It is early to its trend.")
    ctx.rule("on_time", "thesis.timing", when, when == "on_time", "It is on time to its trend.")
    ctx.rule("late", "thesis.timing", when, when == "late", "It is late to its trend.")
  end
end

local function dependency_sentence(th)
  if not th.dependency then return "" end
  local text = " The dependency that has to hold is " .. th.dependency
  if th.dependency_status == "holding" then return text .. ", and it is holding." end
  if th.dependency_status == "uncertain" then return text .. ", which is genuinely uncertain." end
  if th.dependency_status == "failing" then return text .. ", and it is already failing." end
  return text .. "."
end

local function timing_sentence(tool)
  if tool.thesis.timing == "early" then return " " .. tool.vendor .. " is early to this trend." end
  if tool.thesis.timing == "on_time" then return " " .. tool.vendor .. " is on time to this trend, not early." end
  if tool.thesis.timing == "late" then return " " .. tool.vendor .. " is late to this trend." end
  return ""
end

local function closing_sentence(ctx)
  if ctx.verdict() == "ship" then return " That is the bet to watch." end
  if ctx.fired("dependency_failing") then return " With its dependency failing, the bet is lost before it starts." end
  if ctx.fired("late") then return " Late to the trend, it arrives after the window has closed." end
  return " The bet is too thin to back."
end

local function compose_quote(tool, ctx)
  local th = tool.thesis
  if ctx.verdict() == "abstain" then
    return th.statement and "Too little of the thesis behind " .. tool.name .. " is spelled out to judge the bet."
      or "No thesis is stated for " .. tool.name .. ", so there is no future state to bet on, and nothing to falsify."
  end
  local text = "The thesis is left unstated."
  if th.statement then
    text = (th.falsifiable == true and "The thesis is falsifiable: " or "The thesis this release bets on: ")
      .. th.statement .. "."
  end
  text = text .. dependency_sentence(th)
  if th.second_order then text = text .. " The second-order effect: " .. th.second_order .. "." end
  return text .. timing_sentence(tool) .. closing_sentence(ctx)
end

local function review(tool, ctx)
  weigh_thesis(tool, ctx)
  return ctx.finish(compose_quote(tool, ctx))
end

return {
  id = "futurist",
  name = "Futurist",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
