-- Skeptic: where does the claim break, and what kills it in 12 months? The Lua twin of plugins/skeptic/skeptic.cpp.
-- Values a real problem actually solved, and claims anyone can check. Counts against a release: competitors that
-- already do it more openly, licences that forbid building a product, legal risk, self-reported benchmarks without
-- a methodology, claims with a known breaking point, a visible threat. Still ships when the problem is real and
-- solved despite the risks.

local defaults = {
  base = 50, threshold = 50, min_facts = 2,
  weights = {
    problem_solved = 20, problem_unsolved = -10, more_open_competitors = -15, crowded_field = -5,
    non_commercial = -15, legal_risk_high = -35, legal_risk_medium = -10, unverified_benchmarks = -10,
    open_to_checking = 5, claim_breaks = -5, claim_backed = 5, claim_unbacked = -5, visible_threat = -5,
  },
}

local function more_open_competitors(tool)
  local names = {}
  if not tool.competitors or tool.licence.commercial_use ~= "forbidden" then return names end
  for _, c in ipairs(tool.competitors) do
    if c.commercial_use == "allowed" then names[#names + 1] = c.name end
  end
  return names
end

local function competitor_names(tool)
  local names = {}
  for _, c in ipairs(tool.competitors or {}) do names[#names + 1] = c.name end
  return names
end

-- The first claim is the headline one: the one the skeptic interrogates.
local function headline_claim(tool)
  return tool.claims and tool.claims[1]
end

local evidence_phrases = {
  independent = "independently verified", documented = "documented", self_reported = "self-reported", none = "unbacked",
}

local function evidence_phrase(e)
  return evidence_phrases[e] or "unbacked"
end

local function weigh_problem_and_rivals(tool, ctx)
  local solved = tool.problem.solved
  if solved ~= nil then
    ctx.rule("problem_solved", "problem.solved", solved, solved, "The problem is real and the release solves it.")
    ctx.rule("problem_unsolved", "problem.solved", solved, not solved, "The problem is real but still unsolved.")
  end
  if tool.competitors then
    local open = more_open_competitors(tool)
    ctx.rule("more_open_competitors", "competitors", open, #open > 0,
      "Competitors are open and commercially licensable where this is not.")
    ctx.rule("crowded_field", "competitors", competitor_names(tool), #tool.competitors >= 2,
      "Direct competitors already cover this ground.")
  end
  local c = tool.licence.commercial_use
  if c then
    ctx.rule("non_commercial", "licence.commercial_use", c, c == "forbidden",
      "The licence forbids building a product on it.")
  end
  local legal = tool.risks.legal
  if legal then
    ctx.rule("legal_risk_high", "risks.legal", legal, legal == "high",
      "Building on a legally contested base is reckless.")
    ctx.rule("legal_risk_medium", "risks.legal", legal, legal == "medium", "There is legal risk to price in.")
  end
  if tool.risks.threat then
    ctx.rule("visible_threat", "risks.threat", tool.risks.threat, true,
      "Something visible could make it irrelevant within a year.")
  end
end

local function weigh_claims(tool, ctx)
  local b = tool.benchmarks
  if b and b.self_reported ~= nil and b.methodology_published ~= nil then
    local unverified = b.self_reported and not b.methodology_published
    ctx.rule("unverified_benchmarks", "benchmarks.methodology_published", b.methodology_published, unverified,
      "Benchmark numbers are self-reported without a methodology.")
  end
  local fact, open = ctx.openness(tool)
  if fact then ctx.rule("open_to_checking", fact, open, open, "Anyone can inspect it, so its claims get checked.") end
  local headline = headline_claim(tool)
  if headline and headline.breaks_at then
    ctx.rule("claim_breaks", "claims.breaks_at", headline.breaks_at, true,
      "Its headline claim has a known breaking point.")
  end
  if headline and headline.evidence then
    local e = headline.evidence
    local backed = e == "documented" or e == "independent"
    ctx.rule("claim_backed", "claims.evidence", e, backed, "Its headline claim is backed by evidence.")
    ctx.rule("claim_unbacked", "claims.evidence", e, not backed, "Its headline claim rests on the vendor's word.")
  end
end

local function rivals_sentence(tool, ctx)
  local names = competitor_names(tool)
  if #names == 0 then return "" end
  local text = #names == 1 and " The direct competitor is " .. names[1] .. "."
    or " Direct competitors are " .. ctx.join_list(names) .. "."
  local open = more_open_competitors(tool)
  if #open == 0 then return text end
  local who
  if #open == #names then
    who = #names == 1 and "It is" or #names == 2 and "Both are" or "All are"
  else
    who = ctx.join_list(open) .. (#open == 1 and " is" or " are")
  end
  return text .. " " .. who .. " open and commercially licensable, and this is not."
end

local function problem_sentence(tool)
  if tool.problem.solved ~= false then return "" end
  return " It does not solve " .. (tool.problem.statement or "the problem it names") .. " yet."
end

local function claims_sentence(tool, ctx)
  local text = ""
  local c = headline_claim(tool)
  if c and (c.evidence or c.breaks_at) then
    local doubtful = c.evidence == "self_reported" or c.evidence == "none"
    text = text .. " The claim of " .. c.text
    if c.evidence then text = text .. " is " .. evidence_phrase(c.evidence) end
    if c.breaks_at then
      local joint = not c.evidence and "" or doubtful and ", and it" or ", but it"
      text = text .. joint .. " breaks at the boundary: " .. c.breaks_at
    end
    text = text .. ((c.breaks_at or not doubtful) and "." or ": it rests on the vendor's word.")
  end
  local b = tool.benchmarks
  if b and b.self_reported == true and b.methodology_published == false then
    local names = #b.names == 0 and "benchmark" or ctx.join_list(b.names) .. " benchmark"
    text = text .. " The " .. names .. " claims are self-reported and the methodology is absent, which is a yellow flag"
    local public = tool.licence.open_weights == true
    text = text .. (public and ", but the weights are public, so the community will check them." or ".")
  end
  return text
end

local function risks_sentence(tool)
  local text, legal = "", tool.risks.legal
  if tool.licence.commercial_use == "forbidden" then
    text = text .. " The " .. (tool.licence.name or "licence") .. " says no to commercial use: the moment anyone wants"
      .. " to build a product on this, the value proposition collapses."
  end
  if legal == "high" or legal == "medium" then
    text = text .. (legal == "high" and " The legal situation is murky" or " There is legal risk")
      .. (tool.risks.legal_notes and ": " .. tool.risks.legal_notes .. "." or ".")
  end
  if tool.risks.threat then text = text .. " What kills this in 12 months: " .. tool.risks.threat .. "." end
  return text
end

local function closing_sentence(tool, ctx, risks_named)
  if ctx.verdict() == "ship" and ctx.fired("problem_solved") then
    return " Still ships, because " .. (tool.problem.statement or "the problem it tackles")
      .. " is a real problem, and this solves it."
  end
  if ctx.verdict() == "ship" then return risks_named and " It ships, with those risks priced in." or " It ships." end
  if ctx.fired("legal_risk_high") then
    return " Building a production workflow on a legally contested codebase is reckless: wait for the dust to settle."
  end
  return " Skip it until that changes."
end

local function compose_quote(tool, ctx)
  if ctx.verdict() == "abstain" then
    return "Too little to interrogate: the catalog names too few of " .. tool.name
      .. "'s competitors, claims, licence terms or risks."
  end
  local risks = risks_sentence(tool)
  local text = rivals_sentence(tool, ctx) .. problem_sentence(tool) .. claims_sentence(tool, ctx) .. risks
    .. closing_sentence(tool, ctx, risks ~= "")
  return text:sub(2)
end

local function review(tool, ctx)
  weigh_problem_and_rivals(tool, ctx)
  weigh_claims(tool, ctx)
  return ctx.finish(compose_quote(tool, ctx))
end

return {
  id = "skeptic",
  name = "Skeptic",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
